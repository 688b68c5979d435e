"""Spaced repetition: cards per person and question, a missed question comes back sooner."""

from datetime import UTC, datetime
from decimal import Decimal

from bot.adapters.fsrs_scheduler import fsrs_scheduler
from bot.domain.contest import ContestData
from bot.domain.grading.grade import Grade
from bot.services.reviews import due_questions, rating, review
from storage.database import Database

NOW = datetime(2024, 9, 26, 12, 0, tzinfo=UTC)
RIGHT = Grade(Decimal(1), Decimal(1))
WRONG = Grade(Decimal(0), Decimal(1))


async def person_id(database: Database, demo_data: ContestData) -> int:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        data = await uow.contest.load()
        await uow.commit()
    assert data is not None
    found = next(p.id for p in data.people if p.code == "H07-1")
    assert found is not None
    return found


async def test_a_missed_question_is_due_again_before_a_right_one(
    database: Database, demo_data: ContestData
) -> None:
    person = await person_id(database, demo_data)
    async with database.unit_of_work() as uow:
        missed = await review(uow, fsrs_scheduler(), person, "Q-MISSED", WRONG, NOW)
        right = await review(uow, fsrs_scheduler(), person, "Q-RIGHT", RIGHT, NOW, seconds=60)
        await uow.commit()
    assert missed < right
    async with database.unit_of_work() as uow:
        assert await due_questions(uow, person, missed) == ["Q-MISSED"]
        assert await due_questions(uow, person, right) == ["Q-MISSED", "Q-RIGHT"]


async def test_the_card_is_kept_between_answers(database: Database, demo_data: ContestData) -> None:
    person = await person_id(database, demo_data)
    async with database.unit_of_work() as uow:
        first = await review(uow, fsrs_scheduler(), person, "Q1", RIGHT, NOW, seconds=60)
        second = await review(uow, fsrs_scheduler(), person, "Q1", RIGHT, first, seconds=60)
        await uow.commit()
    assert second - first > first - NOW  # each right answer waits longer


def test_the_rating_follows_correctness_and_speed() -> None:
    assert rating(WRONG, None).name == "Again"
    assert rating(Grade(Decimal("2.5"), Decimal(5)), None).name == "Hard"
    assert rating(RIGHT, 60).name == "Good"
    assert rating(RIGHT, 5).name == "Easy"
