"""The daily practice sets on APScheduler: one named job looks every minute for sets now due.

The preferences in the database are the truth; the job keeps no state of its own, so a
restart, a second look in the same minute or a changed time never sends a set twice (each
person's day is marked, and the outbox key is per person and day).
"""

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.domain.practice_plan import Lockdown
from bot.services.contest_cache import ContestCache
from bot.services.ports import Clock, PracticeViews, UnitOfWorkFactory
from bot.services.practice_push import queue_daily_sets

DAILY_JOB = "practice:daily"
LOOK_EVERY = timedelta(minutes=1)


class PracticeJobs:
    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        unit_of_work: UnitOfWorkFactory,
        contests: ContestCache,
        clock: Clock,
        lockdowns: Sequence[Lockdown],
        views: PracticeViews,
    ) -> None:
        self.scheduler = scheduler
        self._unit_of_work = unit_of_work
        self._contests = contests
        self._clock = clock
        self.lockdowns = tuple(lockdowns)
        self._views = views
        self._running = asyncio.Lock()

    def start(self) -> None:
        """Adds the job; it runs once the (shared) scheduler is started."""
        self.scheduler.add_job(
            self.queue_due, "interval", seconds=LOOK_EVERY.total_seconds(), id=DAILY_JOB,
            replace_existing=True, next_run_time=datetime.now(UTC), coalesce=True,
        )  # fmt: skip

    async def stop(self) -> None:
        """Waits for the look in progress, so no transaction is cut off half-way."""
        async with self._running:
            if self.scheduler.get_job(DAILY_JOB):
                self.scheduler.remove_job(DAILY_JOB)

    async def queue_due(self) -> int:
        async with self._running, self._unit_of_work() as uow:
            snapshot = await self._contests.get(uow)
            if snapshot is None:
                return 0
            queued = await queue_daily_sets(
                uow, snapshot, self._clock.now(), self.lockdowns, self._views
            )
            await uow.commit()
        return queued
