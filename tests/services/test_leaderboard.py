"""The practice leaderboard shows only those of the track who joined it, this week only."""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.domain.contest import ContestData
from bot.domain.snapshot import ContestSnapshot
from bot.services.leaderboard import join_leaderboard, leaderboard
from bot.services.practice_push import choose_daily
from storage.database import Database
from tests.conftest import person_id, stored

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 9, 26, 20, 0, tzinfo=ZONE)  # a Thursday


@pytest.fixture
async def snapshot(database: Database, demo_data: ContestData) -> ContestSnapshot:
    return await stored(database, demo_data)


async def practise(
    database: Database, person: int, right: int, wrong: int, at: datetime = NOW
) -> None:
    async with database.unit_of_work() as uow:
        for n in range(right + wrong):
            await uow.practice.record(person, f"Q{n}", f"{at}:{n}", n < right, Decimal(0), at)
        await uow.commit()


async def join(database: Database, person: int, joined: bool = True) -> None:
    async with database.unit_of_work() as uow:
        await join_leaderboard(uow, person, joined, NOW)
        await uow.commit()


async def board(
    database: Database, snapshot: ContestSnapshot, track: str
) -> list[tuple[int, str, int, int]]:
    async with database.unit_of_work() as uow:
        places = await leaderboard(uow, snapshot, track, NOW)
    return [(p.rank, p.tally.name, p.tally.right, p.tally.answered) for p in places]


def name(snapshot: ContestSnapshot, code: str) -> str:
    return next(p.name for p in snapshot.data.people if p.code == code)


async def test_only_those_who_joined_appear(database: Database, snapshot: ContestSnapshot) -> None:
    await practise(database, person_id(snapshot, "H07-1"), 3, 1)
    await practise(database, person_id(snapshot, "H07-2"), 5, 0)
    await join(database, person_id(snapshot, "H07-1"))
    assert await board(database, snapshot, "12345") == [(1, name(snapshot, "H07-1"), 3, 4)]


async def test_leaving_the_board_takes_the_name_off(
    database: Database, snapshot: ContestSnapshot
) -> None:
    await practise(database, person_id(snapshot, "H07-1"), 3, 1)
    await join(database, person_id(snapshot, "H07-1"))
    await join(database, person_id(snapshot, "H07-1"), False)
    assert await board(database, snapshot, "12345") == []


async def test_the_board_belongs_to_one_track(
    database: Database, snapshot: ContestSnapshot
) -> None:
    window = next(t.code for t in snapshot.data.teams if t.track_code == "window")
    other = snapshot.members[window][0]
    assert other.id is not None
    await practise(database, other.id, 2, 0)
    await join(database, other.id)
    assert await board(database, snapshot, "12345") == []
    assert [row[1] for row in await board(database, snapshot, "window")] == [other.name]


async def test_only_this_weeks_answers_count(database: Database, snapshot: ContestSnapshot) -> None:
    person = person_id(snapshot, "H07-1")
    await practise(database, person, 4, 0, NOW - timedelta(days=7))
    await practise(database, person, 1, 1)
    await join(database, person)
    assert await board(database, snapshot, "12345") == [(1, name(snapshot, "H07-1"), 1, 2)]


async def test_joining_keeps_the_daily_set(database: Database, snapshot: ContestSnapshot) -> None:
    person = person_id(snapshot, "H07-1")
    async with database.unit_of_work() as uow:
        await choose_daily(uow, person, time(7, 30), 10, NOW)
        await join_leaderboard(uow, person, True, NOW)
        kept = await uow.preferences.get(person)
    assert (kept.daily_at, kept.daily_count, kept.on_leaderboard) == (time(7, 30), 10, True)
