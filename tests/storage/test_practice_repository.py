"""Practice answers: each question's latest answer, read in one query, tells the same story as
the whole history, so the next practice question and the notebook are chosen as before."""

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from bot.domain.contest import ContestData
from bot.domain.practice_choice import LastAnswer, choose, notebook
from bot.domain.questions import Question
from storage.database import Database

NOW = datetime(2024, 9, 25, 12, tzinfo=UTC)
HISTORIES = 12


@pytest.fixture
async def people(database: Database, demo_data: ContestData) -> list[int]:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        data = await uow.contest.load()
        await uow.commit()
    assert data is not None
    return [p.id for p in data.people if p.id is not None][:HISTORIES]


async def seed(database: Database, people: list[int], codes: Sequence[str]) -> None:
    """Random histories: all right or mostly wrong, short or long, answer times out of order."""
    rng = random.Random(20240925)
    async with database.unit_of_work() as uow:
        for n, person in enumerate(people):
            right = 1.0 if n % 3 == 0 else rng.uniform(0.2, 0.9)
            answered = list(codes) if n % 2 == 0 else []  # some have answered every question
            answered += rng.choices(codes, k=rng.randint(0, 40))
            for attempt, code in enumerate(answered):
                at = NOW - timedelta(minutes=rng.randint(1, 5000))
                await uow.practice.record(person, code, f"a{attempt}", rng.random() < right,
                                          Decimal(1), at)  # fmt: skip
        await uow.commit()


def from_history(history: list[tuple[str, bool, Decimal, datetime]]) -> dict[str, LastAnswer]:
    """Every answer replayed, the later overwriting the earlier (what was read before)."""
    latest: dict[str, LastAnswer] = {}
    for code, correct, _points, at in history:
        latest[code] = LastAnswer(correct, at)
    return latest


async def test_the_latest_answers_are_the_history_replayed(
    database: Database, people: list[int], demo_data: ContestData
) -> None:
    await seed(database, people, [q.code for q in demo_data.questions[:10]])
    async with database.unit_of_work() as uow:
        for person in people:
            replayed = from_history(await uow.practice.history(person))
            latest = await uow.practice.latest(person)
            assert list(latest.items()) == list(replayed.items())


async def test_the_next_question_and_the_notebook_are_chosen_as_from_the_history(
    database: Database, people: list[int], demo_data: ContestData
) -> None:
    candidates: list[Question] = list(demo_data.questions[:10])
    await seed(database, people, [q.code for q in candidates])
    async with database.unit_of_work() as uow:
        for person in people:
            replayed = from_history(await uow.practice.history(person))
            latest = await uow.practice.latest(person)
            for seed_ in range(5):
                assert choose(candidates, latest, random.Random(seed_)) == choose(
                    candidates, replayed, random.Random(seed_)
                )
            assert notebook(latest) == notebook(replayed)


async def test_someone_who_never_practised_has_no_latest_answers(
    database: Database, people: list[int]
) -> None:
    async with database.unit_of_work() as uow:
        assert await uow.practice.latest(people[0]) == {}


async def test_a_recorded_answer_comes_back_with_the_review_card_stored(
    database: Database, people: list[int]
) -> None:
    card = {"state": 2, "stability": 3.5}
    async with database.unit_of_work() as uow:
        first = await uow.practice.record_reviewed(people[0], "Q1", "a1", True, Decimal(1), NOW)
        await uow.reviews.save(people[0], "Q1", card, NOW + timedelta(days=1))
        second = await uow.practice.record_reviewed(people[0], "Q1", "a2", True, Decimal(1), NOW)
        await uow.commit()
    assert (first, second) == ((True, None), (True, card))


async def test_a_repeated_attempt_is_not_counted_and_reads_no_card(
    database: Database, people: list[int]
) -> None:
    async with database.unit_of_work() as uow:
        await uow.practice.record_reviewed(people[0], "Q1", "a1", True, Decimal(1), NOW)
        await uow.reviews.save(people[0], "Q1", {"state": 1}, NOW)
        again = await uow.practice.record_reviewed(people[0], "Q1", "a1", False, Decimal(0), NOW)
    assert again == (False, None)
