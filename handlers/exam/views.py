"""What a mock exam looks like in Telegram: the offer, a question with its buttons and the time
left, the hand-in confirmation and the report."""

import math
from datetime import datetime

from aiogram.types import InlineKeyboardMarkup

from bot.domain.exams import ExamReport
from bot.domain.problems import N_
from bot.domain.questions import Question
from bot.domain.snapshot import ContestSnapshot
from bot.services.exam_session import ExamProgress, NextQuestion
from bot.services.exams import BLUEPRINT
from bot.texts.exams import report_text
from bot.texts.practice import question_text
from bot.texts.texts import Texts
from handlers.exam.callbacks import ExamChoice, ExamEnd, ExamEndStep, ExamStart, ExamSubmit
from handlers.keyboards import answer_buttons, button, markup

TIME_IS_UP = N_("Time is up: answers after the deadline do not count.")


def offer_view(t: Texts) -> tuple[str, InlineKeyboardMarkup]:
    text = t(
        N_("A mock exam follows the real paper: {count} questions in {minutes} minutes. "
           "Answers are graded at the end."),
        count=sum(n for _, n in BLUEPRINT.counts),
        minutes=int(BLUEPRINT.duration.total_seconds() // 60),
    )  # fmt: skip
    return text, markup([button(t(N_("Start the mock exam")), ExamStart())])


def question_view(t: Texts, step: NextQuestion, now: datetime) -> tuple[str, InlineKeyboardMarkup]:
    exam = step.exam
    left = math.ceil(exam.time_left(now).total_seconds() / 60)
    header = t(N_("Question {number} of {count} · {minutes} min left"),
               number=step.index + 1, count=len(exam.questions), minutes=left)  # fmt: skip
    text = f"{header}\n{question_text(t, step.question)}"
    return text, options(t, exam.id, step.index, step.question)


def options(
    t: Texts, exam_id: int, index: int, question: Question, chosen: set[int] | None = None
) -> InlineKeyboardMarkup:
    """The question's answer buttons, then Hand in."""
    answers = answer_buttons(
        t, question, lambda n: ExamChoice(exam=exam_id, index=index, option=n),
        ExamSubmit(exam=exam_id, index=index), chosen,
    )  # fmt: skip
    hand_in = button(t(N_("Hand in")), ExamEnd(exam=exam_id, step=ExamEndStep.ASK))
    rows = answers.inline_keyboard if answers else []
    return markup(*rows, [hand_in])


def hand_in_view(t: Texts, progress: ExamProgress) -> tuple[str, InlineKeyboardMarkup]:
    text = t(
        N_("Hand in your mock exam now? You have answered {answered} of {asked} questions; "
           "the others score nothing."),
        answered=progress.answered, asked=progress.asked,
    )  # fmt: skip
    exam_id = progress.exam.id
    buttons = markup([
        button(t(N_("Hand in")), ExamEnd(exam=exam_id, step=ExamEndStep.CONFIRM)),
        button(t(N_("Keep going")), ExamEnd(exam=exam_id, step=ExamEndStep.KEEP)),
    ])  # fmt: skip
    return text, buttons


def report_view(t: Texts, report: ExamReport, snapshot: ContestSnapshot) -> str:
    return report_text(t, report, snapshot.questions)
