"""The daily set: queued once a day at the chosen time, never while practice is closed."""

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.adapters.fsrs_scheduler import fsrs_scheduler
from bot.domain.contest import ContestData
from bot.domain.enums import Locale
from bot.domain.grading.grade import Grade
from bot.domain.practice_plan import DAILY_START_DATA, Lockdown
from bot.domain.snapshot import ContestSnapshot
from bot.services.practice_push import choose_daily, practice_closed_until, queue_daily_sets
from bot.services.reviews import review
from bot.views import BotViews
from storage.database import Database
from storage.models import DeliveryRow
from tests.conftest import person_id, stored

ZONE = ZoneInfo("Asia/Shanghai")
CHATS = {"H07-1": 7001, "H07-2": 7002}
EVENING = datetime(2024, 9, 25, 21, 0, tzinfo=ZONE)
EXAM_DAY = date(2024, 9, 26)  # the theory exam runs 08:30-10:00


def at(hour: int, minute: int = 0, day: date = EXAM_DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE)


@pytest.fixture
async def snapshot(database: Database, demo_data: ContestData) -> ContestSnapshot:
    """The demo contest, with two contestants of H07 joined (the second reads English)."""
    return await stored(database, demo_data, CHATS, {"H07-2": Locale.EN})


def wall(moment: datetime) -> datetime:
    """The contest's wall-clock time, as lockdowns are written."""
    return moment.replace(tzinfo=None)


async def choose(database: Database, person_id: int, at_: time | None, count: int = 5) -> None:
    async with database.unit_of_work() as uow:
        await choose_daily(uow, person_id, at_, count, EVENING)
        await uow.commit()


async def queue(
    database: Database, snapshot: ContestSnapshot, now: datetime, *lockdowns: Lockdown
) -> int:
    async with database.unit_of_work() as uow:
        queued = await queue_daily_sets(uow, snapshot, now, lockdowns, BotViews())
        await uow.commit()
    return queued


async def invitations(database: Database) -> list[tuple[int, str, str]]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            select(DeliveryRow.chat_id, DeliveryRow.text, DeliveryRow.dedup_key)
            .where(DeliveryRow.dedup_key.startswith("practice-daily:"))
            .order_by(DeliveryRow.id)
        )
        return [(chat, text, key) for chat, text, key in rows]


async def test_the_invitation_goes_at_the_chosen_time_in_the_persons_language(
    database: Database, snapshot: ContestSnapshot
) -> None:
    await choose(database, person_id(snapshot, "H07-1"), time(7), 3)
    await choose(database, person_id(snapshot, "H07-2"), time(7), 10)
    assert await queue(database, snapshot, at(6, 59, date(2024, 9, 25))) == 0
    assert await queue(database, snapshot, at(7, 0, date(2024, 9, 25))) == 2
    sent = await invitations(database)
    assert sent[0][:2] == (7001, "📚 今日 3 道练习题已准备好（其中 0 道到期复习）。")
    assert sent[1][:2] == (7002, "📚 Your 10 questions for today are ready (0 due for review).")


async def test_the_invitation_carries_only_the_start_button(
    database: Database, snapshot: ContestSnapshot
) -> None:
    await choose(database, person_id(snapshot, "H07-1"), time(7))
    await queue(database, snapshot, at(7, 0, date(2024, 9, 25)))
    async with database.unit_of_work() as uow:
        [delivery] = await uow.outbox.claim_due(at(7, 1, date(2024, 9, 25)), 10)
    assert delivery.buttons == ((("开始 ▶", DAILY_START_DATA),),)


async def test_it_goes_once_a_day_however_often_the_job_looks(
    database: Database, snapshot: ContestSnapshot
) -> None:
    await choose(database, person_id(snapshot, "H07-1"), time(7))
    for minute in (0, 1, 2, 30):
        await queue(database, snapshot, at(7, minute, date(2024, 9, 25)))
    await queue(database, snapshot, at(7, 5))  # the next day: a new set
    assert [key for *_, key in await invitations(database)] == [
        f"practice-daily:{person_id(snapshot, 'H07-1')}:2024-09-25",
        f"practice-daily:{person_id(snapshot, 'H07-1')}:2024-09-26",
    ]


async def test_nothing_goes_while_the_theory_exam_runs_and_the_set_follows_its_end(
    database: Database, snapshot: ContestSnapshot
) -> None:
    await choose(database, person_id(snapshot, "H07-1"), time(9))
    assert practice_closed_until(snapshot, (), at(9)) == at(10)
    assert await queue(database, snapshot, at(9)) == 0
    assert await queue(database, snapshot, at(9, 59)) == 0
    assert await queue(database, snapshot, at(10)) == 1


async def test_a_configured_lockdown_keeps_it_back_too(
    database: Database, snapshot: ContestSnapshot
) -> None:
    await choose(database, person_id(snapshot, "H07-1"), time(20))
    day = date(2024, 9, 25)
    lockdown = Lockdown(wall(at(19, 0, day)), wall(at(23, 30, day)))
    assert await queue(database, snapshot, at(20, 0, date(2024, 9, 25)), lockdown) == 0
    # When the lockdown ends, the three hours after 20:00 are over: the set waits a day.
    assert await queue(database, snapshot, at(23, 30, date(2024, 9, 25)), lockdown) == 0
    assert await invitations(database) == []


async def test_turning_it_off_stops_it(database: Database, snapshot: ContestSnapshot) -> None:
    await choose(database, person_id(snapshot, "H07-1"), time(7))
    await choose(database, person_id(snapshot, "H07-1"), None)
    assert await queue(database, snapshot, at(7, 0, date(2024, 9, 25))) == 0


async def test_someone_who_has_not_joined_is_skipped_and_not_looked_at_again(
    database: Database, snapshot: ContestSnapshot
) -> None:
    absent = person_id(snapshot, "H07-3")
    await choose(database, absent, time(7))
    assert await queue(database, snapshot, at(7, 0, date(2024, 9, 25))) == 0
    async with database.unit_of_work() as uow:
        assert (await uow.preferences.get(absent)).daily_sent_on == date(2024, 9, 25)


async def test_the_invitation_counts_the_reviews_due(
    database: Database, snapshot: ContestSnapshot
) -> None:
    pid = person_id(snapshot, "H07-1")
    await choose(database, pid, time(7), 3)
    async with database.unit_of_work() as uow:
        for code in ("Q1", "Q2"):
            await review(uow, fsrs_scheduler(), pid, code, Grade(Decimal(0), Decimal(1)), EVENING)
        await uow.commit()
    await queue(database, snapshot, at(7, 0, date(2024, 9, 27)))
    assert "其中 2 道到期复习" in (await invitations(database))[0][1]
