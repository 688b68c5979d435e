"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id, Number


class ExamStart(CallbackData, prefix="es"):
    pass


class ExamChoice(CallbackData, prefix="ec"):
    exam: Id
    index: Number  # the question's place in the exam
    option: Number


class ExamSubmit(CallbackData, prefix="ex"):
    exam: Id
    index: Number


class ExamEndStep(StrEnum):
    ASK = "ask"  # "Hand in" under a question: asks for a confirmation
    CONFIRM = "confirm"
    KEEP = "keep"  # keep going


class ExamEnd(CallbackData, prefix="ee"):
    exam: Id
    step: ExamEndStep
