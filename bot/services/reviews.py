"""Spaced repetition with FSRS: each answer rates the person's card for that question.

A wrong answer is "again" (back within minutes), a partly right one "hard", a right one "good",
and a right one given quickly "easy". Cards are stored per person and question.
"""

from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler

from bot.domain.grading.grade import Grade
from bot.services.ports import UnitOfWork

QUICK_SECONDS = 20.0
# No fuzzing: the same answers at the same times give the same schedule.
SCHEDULER = Scheduler(enable_fuzzing=False)


def rating(result: Grade, seconds: float | None) -> Rating:
    if result.correct:
        return Rating.Easy if seconds is not None and seconds < QUICK_SECONDS else Rating.Good
    return Rating.Hard if result.points > 0 else Rating.Again


async def review(
    uow: UnitOfWork,
    person_id: int,
    question_code: str,
    result: Grade,
    now: datetime,
    seconds: float | None = None,
) -> datetime:
    """Rates the card and stores when the question is due again; returns that moment."""
    stored = await uow.reviews.card(person_id, question_code)
    card = Card.from_dict(stored) if stored else Card()  # type: ignore[arg-type]
    at = now.astimezone(UTC)  # FSRS insists on UTC
    card, _ = SCHEDULER.review_card(card, rating(result, seconds), review_datetime=at)
    await uow.reviews.save(person_id, question_code, dict(card.to_dict()), card.due)
    return card.due


async def due_questions(uow: UnitOfWork, person_id: int, now: datetime) -> list[str]:
    return await uow.reviews.due(person_id, now)
