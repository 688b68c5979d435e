"""A mock exam as its dialogue goes, one use case per update: opening /exam, starting, an answer
taken by a tap or a message, and handing in. Each returns what follows — the next question or
the report — for the edge to show."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.contest import Person
from bot.domain.exams import Exam, ExamReport, next_unanswered
from bot.domain.grading.answers import Answer
from bot.domain.grading.grade import GradingError
from bot.domain.questions import Question
from bot.domain.snapshot import ContestSnapshot
from bot.services.exams import ExamOverError, current, finish, progress, start, submit
from bot.services.ports import ExamViews, Segmenter, UnitOfWork

# What a tap or a message answers, once the question is known; None when it answers nothing
# yet (an option of a multiple-choice question toggled).
AnswerOf = Callable[[Question], Answer | None]


class HandIn(StrEnum):
    ASK = "ask"  # asks for a confirmation, unless the exam is over already
    CONFIRM = "confirm"
    KEEP = "keep"  # keep going


@dataclass(frozen=True, slots=True)
class NextQuestion:
    exam: Exam
    index: int  # the question's place in the exam
    question: Question


@dataclass(frozen=True, slots=True)
class ExamOver:
    exam: Exam
    report: ExamReport
    timed_out: bool = False  # the clock passed the deadline: it ended there


ExamStep = NextQuestion | ExamOver


@dataclass(frozen=True, slots=True)
class ExamOpening:
    running: ExamStep | None = None  # the exam under way carries on
    timed_out: ExamReport | None = None  # the last exam ran out of time without being handed in


@dataclass(frozen=True, slots=True)
class ExamProgress:
    exam: Exam
    answered: int
    asked: int


@dataclass(frozen=True, slots=True)
class ExamAnswer:
    """A tap or a message on one of the person's exam questions."""

    exam: Exam
    index: int
    question: Question
    next: ExamStep | None = None  # None when nothing was submitted, or grading refused it
    late: bool = False  # after the deadline: the answer did not count (`next` is the report)
    error: GradingError | None = None


@dataclass(frozen=True, slots=True)
class ExamEnding:
    asking: ExamProgress | None = None  # how far the person is, to confirm handing in
    next: ExamStep | None = None


async def advance(
    uow: UnitOfWork, snapshot: ContestSnapshot, exam: Exam, now: datetime
) -> ExamStep:
    """The next question not answered yet; the report once the exam is over or all answered."""
    if exam.over(now):
        return ExamOver(exam, await finish(uow, snapshot, exam, now), timed_out=True)
    code = next_unanswered(exam, list(await uow.exams.answers(exam.id)))
    if code is None:
        return ExamOver(exam, await finish(uow, snapshot, exam, now))
    return NextQuestion(exam, exam.questions.index(code), snapshot.questions[code])


async def open_exam(
    uow: UnitOfWork, snapshot: ContestSnapshot, person: Person, now: datetime
) -> ExamOpening:
    """/exam: the running exam's next step; else the report of one that ran out of time."""
    running = await current(uow, person, now)
    if running is not None:
        return ExamOpening(running=await advance(uow, snapshot, running, now))
    latest = await uow.exams.latest(person.id or 0)
    if latest is not None and latest.finished_at is None:
        return ExamOpening(timed_out=await finish(uow, snapshot, latest, now))
    return ExamOpening()


async def begin_exam(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    now: datetime,
    rng: random.Random,
    views: ExamViews,
) -> ExamStep:
    """A new paper (or the one still running), and its first question not answered yet."""
    exam = await start(uow, snapshot, person, now, rng, views)
    return await advance(uow, snapshot, exam, now)


async def take_answer(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    exam_id: int,
    index: int,
    answer_of: AnswerOf,
    now: datetime,
    segmenter: Segmenter,
) -> ExamAnswer | None:
    """Grades and keeps the answer to the question at `index`, then what follows; None when the
    exam is not the person's or has no such question."""
    exam = await _mine(uow, person, exam_id)
    question = _question(snapshot, exam, index) if exam else None
    if exam is None or question is None:
        return None
    given = answer_of(question)
    if given is None:
        return ExamAnswer(exam, index, question)
    try:
        await submit(uow, exam, question, given, now, segmenter)
    except ExamOverError:
        report = await finish(uow, snapshot, exam, now)
        return ExamAnswer(exam, index, question, ExamOver(exam, report), late=True)
    except GradingError as error:
        return ExamAnswer(exam, index, question, error=error)
    return ExamAnswer(exam, index, question, await advance(uow, snapshot, exam, now))


async def hand_in_offer(uow: UnitOfWork, person: Person, now: datetime) -> ExamProgress | None:
    """The running exam and how far the person is, to ask whether to hand it in."""
    running = await current(uow, person, now)
    return None if running is None else await _progress(uow, running)


async def end_exam(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    exam_id: int,
    step: HandIn,
    now: datetime,
) -> ExamEnding | None:
    """Hand in → confirm or keep going; None unless the exam is the person's and not handed in."""
    exam = await _mine(uow, person, exam_id)
    if exam is None or exam.finished_at is not None:
        return None
    if step is HandIn.ASK and not exam.over(now):
        return ExamEnding(asking=await _progress(uow, exam))
    if step is HandIn.CONFIRM:
        return ExamEnding(next=ExamOver(exam, await finish(uow, snapshot, exam, now)))
    return ExamEnding(next=await advance(uow, snapshot, exam, now))


async def _mine(uow: UnitOfWork, person: Person, exam_id: int) -> Exam | None:
    exam = await uow.exams.get(exam_id)
    return exam if exam is not None and exam.person_id == person.id else None


def _question(snapshot: ContestSnapshot, exam: Exam, index: int) -> Question | None:
    if not 0 <= index < len(exam.questions):
        return None
    return snapshot.questions.get(exam.questions[index])


async def _progress(uow: UnitOfWork, exam: Exam) -> ExamProgress:
    answered, asked = await progress(uow, exam)
    return ExamProgress(exam, answered, asked)
