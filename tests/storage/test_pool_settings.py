"""The connection pools are sized by the settings: PostgreSQL's, and Redis's."""

import pytest
from aiogram.fsm.storage.redis import RedisStorage
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from bot.app import create_storage
from bot.config import Settings
from bot.telegram.tolerant_storage import TolerantStorage
from storage.engine import Pool, create_engine

POSTGRES = "postgresql+asyncpg://bot@db.example/contest"


def test_pool_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in [("DB_POOL_SIZE", "12"), ("DB_MAX_OVERFLOW", "3"),
                        ("DB_POOL_TIMEOUT", "2.5"), ("DB_POOL_RECYCLE", "600")]:  # fmt: skip
        monkeypatch.setenv(name, value)
    assert Pool.of(Settings()) == Pool(size=12, max_overflow=3, timeout=2.5, recycle=600)


async def test_a_postgresql_engine_keeps_the_pool_it_is_given() -> None:
    engine = create_engine(POSTGRES, Pool(size=12, max_overflow=3, timeout=2.5, recycle=600))
    pool = engine.pool
    assert isinstance(pool, QueuePool)
    assert (pool.size(), pool._max_overflow, pool._timeout, pool._recycle) == (12, 3, 2.5, 600)
    await engine.dispose()


async def test_sqlite_ignores_the_pool_size() -> None:
    # An in-memory database has a single connection (StaticPool), which takes no size at all.
    engine = create_engine("sqlite+aiosqlite:///:memory:", Pool(size=12))
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT 1"))).scalar() == 1
    await engine.dispose()


async def test_the_redis_pool_is_sized_and_timed_by_the_settings() -> None:
    settings = Settings(redis_url="redis://127.0.0.1:6379/3", redis_pool_size=7, redis_timeout=1.5)
    storage = create_storage(settings)
    assert isinstance(storage, TolerantStorage)
    assert isinstance(storage.inner, RedisStorage)
    pool = storage.inner.redis.connection_pool
    assert pool.max_connections == 7
    options = pool.connection_kwargs
    assert (options["socket_timeout"], options["socket_connect_timeout"]) == (1.5, 1.5)
    await storage.close()
