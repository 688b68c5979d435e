"""The daily practice sets and the leaderboard, at contest scale, on a real database.

Usage (from the repository root): python -m bench.practice [--answers A] [--database-url URL]
The demo contest is stored in a fresh SQLite file (or the given database, emptied first) with
every contestant and leader joined, opted in to the board and to a daily set at the same
minute, and with A practice answers each this week (default 200). It then times, through the
real PracticeJobs: the look that queues everyone's invitation (the busiest minute of the day),
the looks after it (every other minute: nothing to send), and the leaderboard of a track.
Ends with one line: `daily_first_ms=… daily_idle_ms=… leaderboard_ms_p50=… p99=…`.
"""

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url

from bench.reminders import empty
from bot.demo.contest import demo_document
from bot.domain.accounts import Account
from bot.domain.practice_plan import PracticePreferences
from bot.domain.snapshot import ContestSnapshot
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.services.contest_cache import ContestCache
from bot.services.contest_import import import_contest
from bot.services.leaderboard import leaderboard
from bot.views import BotViews
from schedules.practice import PracticeJobs
from schedules.reminders import create_scheduler
from storage.database import Database
from tests.fakes.clock import FakeClock

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 9, 25, 7, 0, tzinfo=ZONE)  # the day before the theory exam
REPEAT = 50


async def prepare(database: Database, answers: int) -> ContestSnapshot:
    rng = random.Random(20240925)
    draft, problems = parse_document(document_from_mapping(demo_document()))
    assert (await import_contest(database.unit_of_work, draft, problems, views=BotViews())).applied
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
        assert data is not None
        members = [p for p in data.people if p.team_code and p.id is not None]
        for person in members:
            assert person.id is not None
            chat = 100_000 + person.id
            await uow.accounts.save(Account(chat, chat, NOW, person.id))
            daily = PracticePreferences(person.id, NOW.time(), 5, on_leaderboard=True)
            await uow.preferences.save(daily, NOW)
            for n in range(answers):
                at = NOW - timedelta(minutes=rng.randint(1, 2 * 24 * 60))
                correct = rng.random() < 0.7
                await uow.practice.record(person.id, f"Q{n % 100}", str(n), correct, Decimal(1), at)
        await uow.commit()
    print(f"{len(members)} people opted in, {answers} answers each")
    return ContestSnapshot.build(data, revision=0)


async def measure(database: Database, answers: int) -> None:
    snapshot = await prepare(database, answers)
    clock = FakeClock(NOW)
    jobs = PracticeJobs(
        create_scheduler(), database.unit_of_work, ContestCache(clock), clock, (), BotViews()
    )
    started = time.perf_counter()
    queued = await jobs.queue_due()
    first = (time.perf_counter() - started) * 1000
    idle = []
    for _ in range(REPEAT):
        clock.moment += timedelta(seconds=1)
        started = time.perf_counter()
        assert await jobs.queue_due() == 0
        idle.append((time.perf_counter() - started) * 1000)
    boards = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        async with database.unit_of_work() as uow:
            places = await leaderboard(uow, snapshot, "12345", clock.now())
        boards.append((time.perf_counter() - started) * 1000)
    boards.sort()
    print(f"{queued} invitations queued in one look; the board lists {len(places)}")
    p99 = boards[min(len(boards) - 1, round(0.99 * (len(boards) - 1)))]
    print(
        f"daily_first_ms={first:.1f} daily_idle_ms={statistics.median(idle):.1f} "
        f"leaderboard_ms_p50={statistics.median(boards):.1f} p99={p99:.1f}"
    )


async def run(url: str | None, answers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        if make_url(url).get_backend_name() != "sqlite":
            await empty(url)
        database = await Database.open(url)
        try:
            await measure(database, answers)
        finally:
            await database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--database-url", help="e.g. postgresql+asyncpg://…; it is emptied")
    args = parser.parse_args()
    asyncio.run(run(args.database_url, args.answers))


if __name__ == "__main__":
    main()
