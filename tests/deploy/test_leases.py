"""Leases on both databases: one holder at a time, freed with its holder, lost with its
connection."""

from datetime import timedelta

import pytest
from sqlalchemy import text

from storage.database import Database
from storage.engine import create_engine
from storage.leases import AdvisoryLease, RowLease, create_lease
from tests.conftest import NO_POSTGRES, POSTGRES_URL


async def test_a_lease_held_is_refused_to_another(database: Database, database_url: str) -> None:
    first = create_lease(database_url, database.engine, "leader")
    second = create_lease(database_url, database.engine, "leader")
    assert await first.hold()
    assert not await second.hold()
    assert await first.hold()  # renewed
    await first.release()
    await second.release()


async def test_a_lease_released_can_be_taken(database: Database, database_url: str) -> None:
    first = create_lease(database_url, database.engine, "leader")
    second = create_lease(database_url, database.engine, "leader")
    assert await first.hold()
    await first.release()
    assert await second.hold()
    await second.release()


async def test_leases_of_different_names_are_independent(
    database: Database, database_url: str
) -> None:
    leading = create_lease(database_url, database.engine, "leader")
    polling = create_lease(database_url, database.engine, "polling")
    assert await leading.hold()
    assert await polling.hold()
    await leading.release()
    await polling.release()


async def test_an_expired_row_lease_is_taken_over(tmp_path: object) -> None:
    database = await Database.open(f"sqlite+aiosqlite:///{tmp_path}/contest.db")
    gone = RowLease(database.engine, "leader", "gone", ttl=timedelta(seconds=-1))
    assert await gone.hold()
    taker = RowLease(database.engine, "leader", "taker")
    assert await taker.hold()
    assert not await gone.hold()  # its holder is told it lost the lease
    await database.close()


@pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
async def test_an_advisory_lock_is_lost_with_its_connection() -> None:
    assert POSTGRES_URL is not None
    holder = AdvisoryLease(POSTGRES_URL, "leader")
    assert await holder.hold()
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
    assert not await holder.hold()  # the holder sees it at its next check
    other = AdvisoryLease(POSTGRES_URL, "leader")
    assert await other.hold()
    await other.release()
    await holder.release()
