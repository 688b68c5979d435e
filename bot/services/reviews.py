"""Spaced repetition: each answer rates the person's card for that question.

A wrong answer is "again" (back within minutes), a partly right one "hard", a right one "good",
and a right one given quickly "easy". Cards are stored per person and question; the scheduling
itself is the `ReviewScheduler` port's.
"""

from datetime import datetime
from typing import Any

from bot.domain.grading.grade import Grade
from bot.services.ports import ReviewRating, ReviewScheduler, UnitOfWork

QUICK_SECONDS = 20.0


def rating(result: Grade, seconds: float | None) -> ReviewRating:
    if result.correct:
        quick = seconds is not None and seconds < QUICK_SECONDS
        return ReviewRating.Easy if quick else ReviewRating.Good
    return ReviewRating.Hard if result.points > 0 else ReviewRating.Again


async def review(
    uow: UnitOfWork,
    scheduler: ReviewScheduler,
    person_id: int,
    question_code: str,
    result: Grade,
    now: datetime,
    seconds: float | None = None,
) -> datetime:
    """Rates the card and stores when the question is due again; returns that moment."""
    stored = await uow.reviews.card(person_id, question_code)
    return await rate(uow, scheduler, person_id, question_code, stored, result, now, seconds)


async def rate(
    uow: UnitOfWork,
    scheduler: ReviewScheduler,
    person_id: int,
    question_code: str,
    stored: dict[str, Any] | None,
    result: Grade,
    now: datetime,
    seconds: float | None = None,
) -> datetime:
    """`review` of the card already read (`stored`, None for a question never reviewed)."""
    card, due = scheduler.review(stored, rating(result, seconds), now)
    await uow.reviews.save(person_id, question_code, card, due)
    return due


async def due_questions(uow: UnitOfWork, person_id: int, now: datetime) -> list[str]:
    return await uow.reviews.due(person_id, now)
