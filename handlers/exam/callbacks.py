"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class ExamStart(CallbackData, prefix="es"):
    pass


class ExamChoice(CallbackData, prefix="ec"):
    exam: int
    index: int  # the question's place in the exam
    option: int


class ExamSubmit(CallbackData, prefix="ex"):
    exam: int
    index: int


class ExamEndStep(StrEnum):
    ASK = "ask"  # "Hand in" under a question: asks for a confirmation
    CONFIRM = "confirm"
    KEEP = "keep"  # keep going


class ExamEnd(CallbackData, prefix="ee"):
    exam: int
    step: ExamEndStep
