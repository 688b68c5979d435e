"""Practice opt-ins are one row per person, saved whole, with the defaults until chosen."""

import asyncio
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from bot.domain.contest import ContestData
from bot.domain.practice_plan import DEFAULT_DAILY_COUNT, PracticePreferences
from storage.database import Database

NOW = datetime(2024, 9, 25, 12, tzinfo=UTC)


@pytest.fixture
async def people(database: Database, demo_data: ContestData) -> list[int]:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        data = await uow.contest.load()
        await uow.commit()
    assert data is not None
    return [p.id for p in data.people if p.team_code == "H07" and p.id is not None]


async def test_someone_who_chose_nothing_has_the_defaults(
    database: Database, people: list[int]
) -> None:
    async with database.unit_of_work() as uow:
        found = await uow.preferences.get(people[0])
    assert found == PracticePreferences(people[0])
    assert found.daily_count == DEFAULT_DAILY_COUNT


async def test_saving_again_replaces_the_choice(database: Database, people: list[int]) -> None:
    first = PracticePreferences(people[0], time(7, 30), 3, on_leaderboard=True)
    async with database.unit_of_work() as uow:
        await uow.preferences.save(first, NOW)
        await uow.preferences.save(PracticePreferences(people[0], time(21), 10), NOW)
        await uow.commit()
    async with database.unit_of_work() as uow:
        assert await uow.preferences.get(people[0]) == PracticePreferences(people[0], time(21), 10)


async def test_two_saves_at_once_leave_one_row(database: Database, people: list[int]) -> None:
    async def save(count: int) -> None:
        async with database.unit_of_work() as uow:
            await uow.preferences.save(PracticePreferences(people[0], time(7), count), NOW)
            await uow.commit()

    await asyncio.gather(save(3), save(5))
    async with database.unit_of_work() as uow:
        assert [p.person_id for p in await uow.preferences.daily()] == [people[0]]


async def test_only_those_with_a_daily_time_are_listed_for_it(
    database: Database, people: list[int]
) -> None:
    async with database.unit_of_work() as uow:
        await uow.preferences.save(PracticePreferences(people[0], time(7)), NOW)
        await uow.preferences.save(PracticePreferences(people[1], on_leaderboard=True), NOW)
        assert [p.person_id for p in await uow.preferences.daily()] == [people[0]]
        assert await uow.preferences.on_leaderboard() == {people[1]}


async def test_the_day_sent_survives_a_new_choice(database: Database, people: list[int]) -> None:
    async with database.unit_of_work() as uow:
        await uow.preferences.save(PracticePreferences(people[0], time(7)), NOW)
        await uow.preferences.mark_daily_sent(people[0], date(2024, 9, 25))
        await uow.preferences.save(PracticePreferences(people[0], time(8)), NOW)
        found = await uow.preferences.get(people[0])
    assert found.daily_sent_on == date(2024, 9, 25)


async def test_the_tally_counts_right_and_all_answers_since_a_moment(
    database: Database, people: list[int]
) -> None:
    earlier = datetime(2024, 9, 20, tzinfo=UTC)
    async with database.unit_of_work() as uow:
        for attempt, (correct, at) in enumerate([(True, NOW), (False, NOW), (True, earlier)]):
            await uow.practice.record(people[0], "Q1", str(attempt), correct, Decimal(1), at)
        tally = await uow.practice.tally({people[0], people[1]}, datetime(2024, 9, 24, tzinfo=UTC))
        assert await uow.practice.tally(set(), NOW) == {}
    assert tally == {people[0]: (1, 2)}
