"""The record of handled updates: the first claim of an update wins, a failed one is taken
back, old ones are forgotten, and an unreachable Redis leaves the decision to the database."""

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from bot.adapters.redis_update_record import IN_HAND, RedisUpdateRecord, key
from bot.services.handled_updates import KEPT, PURGE_EVERY, HandledUpdates
from storage.database import Database
from tests.fakes.clock import FakeClock

NOW = datetime(2024, 9, 26, 8, 0, tzinfo=UTC)
BOT = 42
NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens there


def record(database: Database, clock: FakeClock | None = None) -> HandledUpdates:
    return HandledUpdates(database.unit_of_work, clock or FakeClock(NOW), shared=None)


async def test_only_the_first_claim_of_an_update_handles_it(database: Database) -> None:
    updates = record(database)
    first, again = await updates.claim(BOT, 7), await updates.claim(BOT, 7)
    assert (first.first, again.first) == (True, False)
    assert (await updates.claim(BOT, 8)).first


async def test_a_released_update_is_handled_when_delivered_again(database: Database) -> None:
    updates = record(database)
    claim = await updates.claim(BOT, 7)
    await updates.release(BOT, 7, claim)
    assert (await updates.claim(BOT, 7)).first


async def test_updates_older_than_a_day_are_forgotten_as_new_ones_come(
    database: Database,
) -> None:
    clock = FakeClock(NOW)
    updates = record(database, clock)
    await updates.claim(BOT, 7)
    clock.advance(KEPT + timedelta(minutes=1))
    await updates.claim(BOT, PURGE_EVERY * 3)  # a purge comes with every PURGE_EVERY-th id
    assert (await updates.claim(BOT, 7)).first


async def test_an_unreachable_redis_leaves_the_decision_to_the_database(
    database: Database,
) -> None:
    client = Redis.from_url(NOWHERE, socket_connect_timeout=1)
    updates = HandledUpdates(database.unit_of_work, FakeClock(NOW), RedisUpdateRecord(client))
    try:
        first, again = await updates.claim(BOT, 7), await updates.claim(BOT, 7)
    finally:
        await client.aclose()
    assert (first.first, first.shared, again.first) == (True, False, False)


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/15)")
    client = Redis.from_url(url)
    await client.flushdb()
    yield client
    await client.aclose()


async def test_a_claim_in_redis_lapses_soon_until_the_update_is_handled(
    database: Database, redis: Redis
) -> None:
    updates = HandledUpdates(database.unit_of_work, FakeClock(NOW), RedisUpdateRecord(redis))
    claim = await updates.claim(BOT, 7)
    in_hand = await redis.ttl(key(BOT, 7))
    await updates.handled(BOT, 7, claim)
    kept = await redis.ttl(key(BOT, 7))
    assert 0 < in_hand <= IN_HAND.total_seconds() < kept <= KEPT.total_seconds()


async def test_a_handled_update_in_redis_drops_every_later_copy(
    database: Database, redis: Redis
) -> None:
    updates = HandledUpdates(database.unit_of_work, FakeClock(NOW), RedisUpdateRecord(redis))
    await updates.handled(BOT, 7, await updates.claim(BOT, 7))
    assert not (await updates.claim(BOT, 7)).first
