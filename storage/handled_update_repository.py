"""The record of updates taken on, by update_id, shared by every instance on the database.

Unlike the repositories, it is not part of the unit of work: a claim must be visible to every
instance before any reply is sent, and an update's own transaction commits only after its
replies. Each call is one statement committed at once (autocommit), so the record costs an
update one INSERT: on PostgreSQL one round trip on the pool; on SQLite one call into the
driver's thread, on a connection of its own held open, without the write lock taken up front
and with synchronous=NORMAL (see `SqliteUpdateRecord._open`). Through SQLAlchemy's statements
a SQLite record took four calls into that thread (a cursor, the statement, closing both),
which on a busy machine cost /next a third of its rate; checking a connection out of a pool
for it cost each update another 0.2 ms.
"""

from datetime import datetime
from typing import Any

import aiosqlite
from sqlalchemy import Executable, delete
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.inserts import dialect_insert
from storage.models import HandledUpdateRow


class SqlUpdateRecord:
    """The record through SQLAlchemy's statements, on the pool of the database's engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def record(self, update_id: int, at: datetime) -> bool:
        # The primary key decides between two instances given the same update.
        statement = (
            dialect_insert(self._engine.dialect.name)(HandledUpdateRow)
            .values(update_id=update_id, handled_at=at)
            .on_conflict_do_nothing(index_elements=["update_id"])
        )
        return await self._run(statement) == 1

    async def forget(self, update_id: int) -> None:
        await self._run(delete(HandledUpdateRow).where(HandledUpdateRow.update_id == update_id))

    async def forget_before(self, at: datetime) -> None:
        await self._run(delete(HandledUpdateRow).where(HandledUpdateRow.handled_at < at))

    async def close(self) -> None:
        """The engine is the database's: it closes it."""

    async def _run(self, statement: Executable) -> int:
        async with self._engine.connect() as connection:
            result: Any = await connection.execute(statement)
            count: int = result.rowcount
        return count


class SqliteUpdateRecord:
    """The record on a SQLite file, in plain SQL on a driver connection of its own, held open:
    one call into the driver's thread per statement, no pool to check a connection out of."""

    def __init__(self, path: str, engine: AsyncEngine) -> None:
        self._path = path
        self._at = HandledUpdateRow.__table__.c.handled_at.type.bind_processor(engine.dialect)
        self._connection: aiosqlite.Connection | None = None

    async def record(self, update_id: int, at: datetime) -> bool:
        inserted = await self._run(
            "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?)"
            " ON CONFLICT (update_id) DO NOTHING",
            (update_id, self._stored(at)),
        )
        return inserted == 1

    async def forget(self, update_id: int) -> None:
        await self._run("DELETE FROM handled_updates WHERE update_id = ?", (update_id,))

    async def forget_before(self, at: datetime) -> None:
        await self._run("DELETE FROM handled_updates WHERE handled_at < ?", (self._stored(at),))

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            await connection.close()

    def _stored(self, at: datetime) -> Any:
        return self._at(at) if self._at else at

    async def _run(self, sql: str, parameters: tuple[Any, ...]) -> int:
        connection = self._connection or await self._open()
        # The cursor is left to go: it holds no statement once an INSERT or a DELETE has run,
        # and closing it would be a second call into the thread.
        cursor = await connection.execute(sql, parameters)
        return cursor.rowcount

    async def _open(self) -> aiosqlite.Connection:
        """Each statement commits by itself (autocommit) and waits for the write lock only while
        it writes. synchronous=NORMAL spares each record an fsync: a record is lost only to a
        power cut before the next synced commit of the same WAL file, i.e. only for an update
        that itself wrote nothing, and then its copy is answered again."""
        opening = aiosqlite.connect(self._path, isolation_level=None)
        opening._thread.daemon = True  # as SQLAlchemy's own: an unclosed one must not hold exit
        connection = await opening
        await connection.executescript("PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;")
        if self._connection is not None:  # another call opened one meanwhile: keep that one
            await connection.close()
            return self._connection
        self._connection = connection
        return connection


def update_record(engine: AsyncEngine) -> SqlUpdateRecord | SqliteUpdateRecord:
    """The record on the database of `engine`: PostgreSQL's pool in autocommit; a SQLite file
    through an engine of its own (an in-memory one has a single connection: that one)."""
    url = engine.url
    if url.get_backend_name() != "sqlite":
        return SqlUpdateRecord(engine.execution_options(isolation_level="AUTOCOMMIT"))
    if not url.database or url.database == ":memory:":
        return SqlUpdateRecord(engine)
    return SqliteUpdateRecord(url.database, engine)
