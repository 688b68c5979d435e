"""The contest cache tells its reload hook about each new snapshot, and only about new ones."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain.contest import ContestData
from bot.services.contest_cache import DEFAULT_TTL, ContestCache
from storage.database import Database
from tests.fakes.clock import FakeClock


async def imported(database: Database, data: ContestData) -> None:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(data)
        await uow.commit()


async def test_the_reload_hook_runs_once_for_each_new_snapshot(
    database: Database, demo_data: ContestData
) -> None:
    clock = FakeClock(datetime(2024, 9, 25, 8, tzinfo=UTC))
    cache, reloads = ContestCache(clock), []
    cache.after_reload(lambda: reloads.append(clock.now()))
    await imported(database, demo_data)
    async with database.unit_of_work() as uow:
        await cache.get(uow)
        clock.advance(DEFAULT_TTL + timedelta(seconds=1))
        await cache.get(uow)  # revalidated: the same revision, nothing reloaded
    renamed = replace(demo_data.contest, name=demo_data.contest.name + " (2)")
    await imported(database, replace(demo_data, contest=renamed))
    cache.invalidate()
    async with database.unit_of_work() as uow:
        await cache.get(uow)
    assert len(reloads) == 2
