"""One rate limit for every process: limiters sharing one Redis keep to it together."""

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from redis.asyncio import Redis

from bot.adapters.redis_rate_limit import RedisRateLimit
from tests.services.test_sender import FakeTime

REDIS_URL = os.environ.get("TEST_REDIS_URL")
pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/15)"
)
PREFIX = "test-rate"
START = 1_727_300_000.0  # a wall-clock moment, as the processes would read it


@dataclass
class FrozenTime:
    """A clock that stands still: each wait is only recorded, so the moment a message was given
    is `START` plus the wait."""

    now: float = START
    waits: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    assert REDIS_URL is not None
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    yield client
    await client.aclose()


def process(redis: Redis, time: FrozenTime | FakeTime) -> RedisRateLimit:
    """One process's limiter: its own client of the shared Redis."""
    clock = time.clock if isinstance(time, FrozenTime) else time.monotonic
    client = Redis(connection_pool=redis.connection_pool)
    return RedisRateLimit(client, 30.0, prefix=PREFIX, clock=clock, sleep=time.sleep)


def most_in_one_second(moments: list[float]) -> int:
    moments = sorted(moments)
    return max(sum(1 for m in moments if start <= m < start + 1 - 1e-9) for start in moments)


async def test_two_processes_sending_at_once_keep_to_thirty_a_second_together(
    redis: Redis,
) -> None:
    time = FrozenTime()
    first, second = process(redis, time), process(redis, time)
    await asyncio.gather(
        *(first.acquire(chat) for chat in range(1, 46)),
        *(second.acquire(chat) for chat in range(101, 146)),
    )
    given = [START] * (90 - len(time.waits)) + [START + wait for wait in time.waits]
    assert most_in_one_second(given) == 30
    assert max(time.waits) == pytest.approx(89 / 30, abs=1e-4)


async def test_two_processes_give_one_chat_one_message_a_second(redis: Redis) -> None:
    fake = FakeTime(now=START)
    first, second = process(redis, fake), process(redis, fake)
    moments = []
    for limiter in (first, second, first, second):
        await limiter.acquire(7)
        moments.append(fake.now - START)
    assert moments == pytest.approx([0.0, 1.0, 2.0, 3.0], abs=1e-4)


async def test_two_processes_give_a_group_twenty_messages_a_minute(redis: Redis) -> None:
    fake = FakeTime(now=START)
    first, second = process(redis, fake), process(redis, fake)
    moments = []
    for limiter in (first, second, second):
        await limiter.acquire(-100123)
        moments.append(fake.now - START)
    assert moments == pytest.approx([0.0, 3.0, 6.0], abs=1e-4)


async def test_a_429_in_one_process_makes_every_process_wait(redis: Redis) -> None:
    time = FrozenTime()
    first, second = process(redis, time), process(redis, time)
    await first.pause(5)
    await second.acquire(1)
    assert time.waits == pytest.approx([5.0, 5.0], abs=1e-4)


async def test_a_shorter_429_does_not_shorten_the_pause(redis: Redis) -> None:
    time = FrozenTime()
    first, second = process(redis, time), process(redis, time)
    await first.pause(5)
    await second.pause(2)
    assert time.waits == pytest.approx([5.0, 5.0], abs=1e-4)


async def test_the_limiter_keeps_its_keys_under_its_prefix(redis: Redis) -> None:
    await process(redis, FrozenTime()).acquire(7)
    keys = sorted(key.decode() for key in await redis.keys("*"))
    assert keys == [f"{PREFIX}:chat:7", f"{PREFIX}:next"]


async def test_without_redis_a_process_paces_itself_alone() -> None:
    fake = FakeTime(now=START)
    away = Redis.from_url("redis://127.0.0.1:1/0")  # nothing listens there
    limiter = RedisRateLimit(away, 30.0, prefix=PREFIX, clock=fake.monotonic, sleep=fake.sleep)
    for _ in range(2):
        await limiter.acquire(7)
    assert fake.slept == pytest.approx([1.0])
    await away.aclose()
