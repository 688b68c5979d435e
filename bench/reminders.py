"""N turn reminders falling due within one window, fired by the real APScheduler jobs.

Usage (from the repository root): python -m bench.reminders [--teams N] [--window S] [--quick]
    [--load] [--database-url URL]
A synthetic contest (N teams of one bound contestant, one round of N turns spaced window/N
apart) is stored in a fresh SQLite file (or the given database, emptied first); ReminderJobs
with the real AsyncIOScheduler, ContestCache and SystemClock then plan one lead reminder per
turn, all due within the window. Afterwards the database tells, per reminder, how late its
outbox delivery was enqueued (deliveries.created_at - reminders.due_at), which were lost and
which were enqueued more than once. No sender runs. --quick is N=1000 within 20 s. --load keeps
every core busy meanwhile: one process per core spinning in a loop, started before the setup
and stopped after the last reminder, as other work on a shared host would.
"""

import argparse
import asyncio
import logging
import multiprocessing
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bot.domain.accounts import Account
from bot.domain.contest import Contest, ContestData, Person, Round, Slot, Team, Track
from bot.domain.enums import Role, RoundKind
from bot.domain.reminders import ReminderPolicy, ReminderStatus
from bot.services.clock import SystemClock
from bot.services.contest_cache import ContestCache
from bot.views import BotViews
from schedules.reminders import ReminderJobs, create_scheduler
from storage.database import Database
from storage.engine import create_engine
from storage.models import DeliveryRow, ReminderRow

LEAD = timedelta(minutes=2)
LEAD_IN = timedelta(seconds=30)  # from the start of the setup to the first reminder due
GRACE = 5.0  # seconds waited after the last reminder is due


class TimedJobs(ReminderJobs):
    """The production jobs, timing each tick's turn: from getting the lock (or the previous
    holder letting go of it) to the end, so the time spent queueing for it is left out."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.turns: list[float] = []
        self.resynced = asyncio.Event()
        self._free_at = 0.0

    async def tick(self) -> None:
        queued = time.perf_counter()
        await super().tick()
        self.turns.append(time.perf_counter() - max(queued, self._free_at))
        self._turn_ended()

    async def resync(self) -> None:
        await super().resync()
        self.resynced.set()
        self._turn_ended()

    def _turn_ended(self) -> None:
        self._free_at = time.perf_counter()


class Skips(logging.Filter):
    """Counts APScheduler's "skipped: maximum number of running instances" instead of
    printing each: a job re-added for a reminder whose earlier run still waits for the lock."""

    count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        skipped = "maximum number of running instances" in record.getMessage()
        self.count += skipped
        return not skipped


def spin() -> None:
    while True:
        pass


@contextmanager
def cpu_hogs(on: bool) -> Iterator[None]:
    """One busy process per core while the block runs, when `on`."""
    hogs = [multiprocessing.get_context("spawn").Process(target=spin, daemon=True)
            for _ in range((os.cpu_count() or 1) if on else 0)]  # fmt: skip
    for hog in hogs:
        hog.start()
    try:
        yield
    finally:
        for hog in hogs:
            hog.terminate()
            hog.join()


def contest(teams: int, first_due: datetime, window: timedelta) -> ContestData:
    """N turns of window/N each, back to back, so the forecast keeps the printed starts."""
    spacing = window / teams
    codes = [f"T{i:04d}" for i in range(1, teams + 1)]
    return ContestData(
        contest=Contest("提醒压测", "Asia/Shanghai"),
        tracks=(Track("TR", "赛道"),),
        teams=tuple(Team(code, f"队伍{code}", "TR") for code in codes),
        people=tuple(
            Person(f"P{code}", f"选手{code}", Role.CONTESTANT, code, invite_code=f"INV{code}")
            for code in codes
        ),
        rounds=(Round("R1", "竞技赛", RoundKind.ARENA_PRELIMINARY, "TR"),),
        slots=tuple(
            Slot("R1", i, first_due + LEAD + (i - 1) * spacing, spacing, code)
            for i, code in enumerate(codes, start=1)
        ),
    )


async def empty(url: str) -> None:
    """A server database starts from nothing; the migrations then build the schema."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def setup(database: Database, data: ContestData) -> None:
    now = datetime.now(UTC)
    async with database.unit_of_work() as uow:
        await uow.contest.replace(data)
        stored = await uow.contest.load()
        assert stored is not None
        for number, person in enumerate(stored.people, start=1):
            await uow.accounts.save(Account(10_000 + number, 10_000 + number, now, person.id))
        await uow.commit()


async def measure(database: Database, teams: int) -> tuple[list[float], int, int]:
    """Lateness in ms per reminder sent, how many of the N were not, how many duplicated."""
    async with database.engine.connect() as connection:
        reminders = (await connection.execute(select(ReminderRow))).all()
        deliveries = (await connection.execute(select(DeliveryRow))).all()
    enqueued: dict[str, datetime] = {}
    for delivery in deliveries:
        at = enqueued.get(delivery.dedup_key, delivery.created_at)
        enqueued[delivery.dedup_key] = min(at, delivery.created_at)
    lateness = [
        (enqueued[reminder.key] - reminder.due_at).total_seconds() * 1000
        for reminder in reminders
        if reminder.key in enqueued and reminder.status == ReminderStatus.SENT
    ]
    copies = Counter(delivery.dedup_key for delivery in deliveries)
    return lateness, teams - len(lateness), sum(n - 1 for n in copies.values())


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def run(url: str, teams: int, window: timedelta) -> None:
    if make_url(url).get_backend_name() != "sqlite":
        await empty(url)
    database = await Database.open(url)
    started = time.perf_counter()
    first_due = datetime.now(UTC) + LEAD_IN + window / teams
    await setup(database, contest(teams, first_due, window))
    print(f"setup: {teams} teams, people, turns and bound accounts in "
          f"{time.perf_counter() - started:.2f} s")  # fmt: skip
    clock, skips = SystemClock(), Skips()
    logging.getLogger("apscheduler.scheduler").addFilter(skips)
    jobs = TimedJobs(
        create_scheduler(), database.unit_of_work, ContestCache(clock), clock,
        ReminderPolicy(leads=(LEAD,), escalate_after=()), BotViews(),
    )  # fmt: skip
    jobs.start()
    await jobs.resynced.wait()  # the first resync plans and schedules
    ahead = (first_due - datetime.now(UTC)).total_seconds()
    if ahead < 1:  # else the lateness would measure the setup
        raise SystemExit(f"setup too slow: the first reminder was due {ahead:.1f} s after it")
    print(f"planned: {len(jobs.jobs())} reminder jobs, the first due in {ahead:.1f} s, "
          f"the last {window.total_seconds():.0f} s later")  # fmt: skip
    last_due = first_due + window - window / teams
    await asyncio.sleep((last_due - datetime.now(UTC)).total_seconds() + GRACE)
    await jobs.stop()
    lateness, lost, duplicated = await measure(database, teams)
    await database.close()
    turns = [t * 1000 for t in jobs.turns] or [float("nan")]
    print(f"ticks: {len(jobs.turns)} run, {skips.count} skipped by APScheduler; each turn: "
          f"mean {statistics.fmean(turns):.1f} ms, max {max(turns):.1f} ms")  # fmt: skip
    lateness = lateness or [float("nan")]
    print(f"p50_ms={percentile(lateness, 0.5):.1f} p99_ms={percentile(lateness, 0.99):.1f} "
          f"max_ms={max(lateness):.1f} lost={lost} duplicated={duplicated}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--teams", type=int, default=1000)
    parser.add_argument("--window", type=float, default=60.0, help="seconds")
    parser.add_argument("--quick", action="store_true", help="the window is 20 s")
    parser.add_argument("--load", action="store_true", help="a busy process on every core")
    parser.add_argument("--database-url", help="e.g. postgresql+asyncpg://…; it is emptied")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    window = timedelta(seconds=20 if args.quick else args.window)
    with tempfile.TemporaryDirectory() as scratch, cpu_hogs(args.load):
        url = args.database_url or f"sqlite+aiosqlite:///{Path(scratch) / 'reminders.db'}"
        asyncio.run(run(url, args.teams, window))


if __name__ == "__main__":
    main()
