"""The SQLite adapter: one call into the driver's thread per statement, the same transactions."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import create_engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)"))
    yield engine
    await engine.dispose()


@pytest.fixture
def thread_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original: Any = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, function: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(getattr(function, "__name__", repr(function)))
        return await original(self, function, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return calls


async def count(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(await connection.scalar(text("SELECT count(*) FROM t")) or 0)


async def test_a_write_and_its_commit_are_two_calls_into_the_thread(
    engine: AsyncEngine, thread_calls: list[str]
) -> None:
    async with engine.connect():  # the pool's connection, opened beforehand
        pass
    thread_calls.clear()
    async with engine.begin() as connection:
        await connection.execute(text("INSERT INTO t (v) VALUES ('a')"))
    assert len(thread_calls) == 2


async def test_a_transaction_that_runs_nothing_calls_nothing(
    engine: AsyncEngine, thread_calls: list[str]
) -> None:
    async with engine.connect():
        pass
    thread_calls.clear()
    async with engine.begin():
        pass
    assert thread_calls == []


async def test_rows_rowcount_and_lastrowid_are_the_statements(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        inserted = await connection.execute(text("INSERT INTO t (v) VALUES ('a'), ('b')"))
        assert inserted.rowcount == 2
        one = await connection.execute(text("INSERT INTO t (v) VALUES ('c')"))
        assert one.lastrowid == 3
        updated = await connection.execute(text("UPDATE t SET v = v || '!' WHERE id < 3"))
        assert updated.rowcount == 2
        rows = await connection.execute(text("SELECT v FROM t ORDER BY id"))
        assert rows.scalars().all() == ["a!", "b!", "c"]


async def test_a_rollback_undoes_the_whole_transaction(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("INSERT INTO t (v) VALUES ('a')"))
        await connection.execute(text("INSERT INTO t (v) VALUES ('b')"))
        await connection.rollback()
    assert await count(engine) == 0


async def test_a_failed_statement_leaves_the_transaction_to_roll_back(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("INSERT INTO t (v) VALUES ('a')"))
        with pytest.raises(IntegrityError):
            await connection.execute(text("INSERT INTO t (v) VALUES ('a')"))
        await connection.rollback()
    assert await count(engine) == 0


async def test_the_first_statement_takes_the_write_lock(engine: AsyncEngine) -> None:
    async with engine.connect() as holder, engine.connect() as other:
        raw = await other.get_raw_connection()
        driver: Any = raw.driver_connection
        await driver.execute("PRAGMA busy_timeout=0")  # outside any transaction: fail at once
        await holder.execute(text("SELECT 1"))  # BEGIN IMMEDIATE goes with it
        with pytest.raises(OperationalError, match="locked"):
            await other.execute(text("INSERT INTO t (v) VALUES ('b')"))
        await holder.commit()
