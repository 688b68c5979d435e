"""Engine and session factories; the default database is a SQLite file under ./data/."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.sqlite_driver import begin_immediate, statement_dbapi


class PoolSettings(Protocol):
    """The settings a pool is sized from (bot.config.Settings has them)."""

    @property
    def db_pool_size(self) -> int: ...
    @property
    def db_max_overflow(self) -> int: ...
    @property
    def db_pool_timeout(self) -> float: ...
    @property
    def db_pool_recycle(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Pool:
    """PostgreSQL's connection pool, per process; SQLite's is left as SQLAlchemy makes it."""

    size: int = 5
    max_overflow: int = 10
    timeout: float = 30  # seconds to wait for a free connection
    recycle: int = 1800  # seconds before a connection is replaced; -1: never

    @classmethod
    def of(cls, settings: PoolSettings) -> "Pool":
        return cls(
            settings.db_pool_size,
            settings.db_max_overflow,
            settings.db_pool_timeout,
            settings.db_pool_recycle,
        )


def create_engine(url: str, pool: Pool | None = None, **options: Any) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, module=statement_dbapi(), **options)
        event.listen(engine.sync_engine, "connect", sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
        return engine
    if "poolclass" in options:  # e.g. NullPool for a lock's own connection: nothing to size
        return create_async_engine(url, pool_pre_ping=True, **options)
    pool = pool or Pool()
    return create_async_engine(
        url,
        pool_pre_ping=True,
        pool_size=pool.size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.timeout,
        pool_recycle=pool.recycle,
        **options,
    )


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    # SQLite ignores foreign keys unless asked; WAL lets readers work while one writer writes.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
    # The driver's own BEGIN is deferred; _begin_immediate issues ours instead.
    connection.isolation_level = None


def _begin_immediate(connection: Any) -> None:
    """Every transaction takes the write lock as it begins. A deferred one that reads, then
    writes after another writer committed fails at once with 'database is locked' (WAL cannot
    upgrade a stale snapshot); an immediate one waits its turn under busy_timeout instead.
    It is sent with the transaction's first statement (storage.sqlite_driver)."""
    if not begin_immediate(connection.connection.dbapi_connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
