"""The leadership loop on real leases: the work runs while the lease is held and stops the
moment a renewal fails."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text, update

from bot.services.leadership import lead
from storage.database import Database
from storage.engine import create_engine
from storage.leases import AdvisoryLease, RowLease
from storage.models import LeaseRow
from tests.conftest import NO_POSTGRES, POSTGRES_URL

FAST = 0.05  # seconds between renewals in these tests


class Work:
    def __init__(self) -> None:
        self.started, self.stopped = asyncio.Event(), asyncio.Event()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        self.started.set()
        try:
            yield
        finally:
            self.stopped.set()


@pytest.fixture
async def sqlite(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(f"sqlite+aiosqlite:///{tmp_path / 'contest.db'}")
    yield database
    await database.close()


async def test_the_work_stops_when_the_row_lease_is_taken_from_its_holder(
    sqlite: Database,
) -> None:
    work, stop = Work(), asyncio.Event()
    leading = asyncio.create_task(
        lead(RowLease(sqlite.engine, "leader", "me"), work.running, stop, every=FAST)
    )
    await work.started.wait()
    async with sqlite.engine.begin() as connection:
        later = datetime.now(UTC) + timedelta(hours=1)
        await connection.execute(update(LeaseRow).values(holder="usurper", expires_at=later))
    await work.stopped.wait()
    assert not leading.done()  # it stands by, trying again
    stop.set()
    await leading


@pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
async def test_the_work_stops_when_the_advisory_locks_connection_is_lost() -> None:
    assert POSTGRES_URL is not None
    work, stop = Work(), asyncio.Event()
    leading = asyncio.create_task(
        lead(AdvisoryLease(POSTGRES_URL, "leader-test"), work.running, stop, every=FAST)
    )
    await work.started.wait()
    engine = create_engine(POSTGRES_URL)
    async with engine.connect() as connection:
        await connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks "
                "WHERE locktype = 'advisory' AND pid <> pg_backend_pid() AND database = "
                "(SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        )
    await engine.dispose()
    await work.stopped.wait()
    stop.set()
    await leading


async def test_a_stop_ends_the_work_and_frees_the_lease(sqlite: Database) -> None:
    work, stop = Work(), asyncio.Event()
    leading = asyncio.create_task(
        lead(RowLease(sqlite.engine, "leader", "me"), work.running, stop, every=FAST)
    )
    await work.started.wait()
    stop.set()
    await leading
    assert work.stopped.is_set()
    assert await RowLease(sqlite.engine, "leader", "next").hold()
