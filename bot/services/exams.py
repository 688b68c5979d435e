"""Mock exams: drawn per person from the blueprint, answered against a deadline that is
enforced, resumable after a restart (everything is in the database), then reported."""

import random
from datetime import datetime

from bot.domain.contest import Person
from bot.domain.exams import Blueprint, Exam, ExamReport, Scored, report
from bot.domain.grading.answers import Answer
from bot.domain.grading.grade import DEFAULT_POINTS, grade
from bot.domain.outbox import NewDelivery, Priority
from bot.domain.questions import Question
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import ExamViews, Segmenter, UnitOfWork
from bot.services.practice import bank
from bot.services.readers import readers

BLUEPRINT = Blueprint()
REMINDER, OVER = "reminder", "over"  # the notes queued for later: exam:{id}:{note}
NOTES = (REMINDER, OVER)


class ExamOverError(Exception):
    """The deadline has passed: the answer does not count."""


async def current(uow: UnitOfWork, person: Person, now: datetime) -> Exam | None:
    """The person's exam still running, if any."""
    latest = await uow.exams.latest(person.id or 0)
    return latest if latest is not None and not latest.over(now) else None


async def start(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    now: datetime,
    rng: random.Random,
    views: ExamViews,
    blueprint: Blueprint = BLUEPRINT,
) -> Exam:
    """A new paper, or the one still running; queues the 10-minutes-left and time-up notes."""
    if (running := await current(uow, person, now)) is not None:
        return running
    codes: list[str] = []
    for kind, count in blueprint.counts:
        pool = [q.code for q in bank(snapshot, person, kind)]
        codes += rng.sample(pool, min(count, len(pool)))
    if person.id is None:
        raise ValueError(f"{person.code} is not stored: they cannot sit an exam")
    exam = await uow.exams.add(person.id, codes, now, now + blueprint.duration)
    reminder = exam.deadline - blueprint.reminder_before
    for key, at in (
        (REMINDER, reminder),
        (OVER, exam.deadline),
    ):
        await uow.outbox.enqueue(
            [
                NewDelivery(
                    f"exam:{exam.id}:{key}",
                    r.account.chat_id,
                    views.exam_note(r.locale, key),
                    Priority.REMINDER,
                    person.id,
                    at,
                )
                for r in await readers(uow, snapshot, [person])
            ],
            now,
        )
    return exam


async def submit(
    uow: UnitOfWork,
    exam: Exam,
    question: Question,
    given: Answer,
    now: datetime,
    segmenter: Segmenter,
) -> bool:
    """Grades and keeps the answer; False when it was answered already. After the deadline the
    answer is refused."""
    if exam.over(now):
        raise ExamOverError(exam.id)
    result = grade(question, given, segmenter.segment)
    return await uow.exams.answer(
        exam.id, question.code, Scored(result.points, result.max_points, result.correct), now
    )


async def finish(
    uow: UnitOfWork, snapshot: ContestSnapshot, exam: Exam, now: datetime
) -> ExamReport:
    """Hands the exam in (by the deadline at the latest) and grades what was answered; the
    notes queued for later are not sent any more."""
    ended = exam.finished_at or exam.ended_at(now)
    await uow.exams.finish(exam.id, ended)
    for key in NOTES:
        await uow.outbox.cancel(f"exam:{exam.id}:{key}")
    answers = await uow.exams.answers(exam.id)
    maxima = {q.type: DEFAULT_POINTS.of(q.type) for q in snapshot.questions.values()}
    return report(exam, snapshot.questions, answers, maxima, ended)


async def progress(uow: UnitOfWork, exam: Exam) -> tuple[int, int]:
    """How many questions are answered, of how many."""
    return len(await uow.exams.answers(exam.id)), len(exam.questions)
