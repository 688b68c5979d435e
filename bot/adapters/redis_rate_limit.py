"""The rate limit shared by every process of a deployment, kept in Redis.

One Lua script reserves a message's slot atomically: the bot's overall bucket (one token every
1/rate seconds, a bucket of one: the next free moment of the whole bot), the chat's next free
moment, and the "paused until" of the last 429. Moments are the injected clock's seconds (wall
time by default: every process must read the same time, as NTP keeps hosts). If Redis cannot be
reached, the process paces itself alone until it can (Telegram's 429s still catch the rest).
"""

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.services.rate_limit import PER_CHAT_INTERVAL, PER_GROUP_INTERVAL, Pacer, chat_interval

log = logging.getLogger(__name__)
PREFIX = "contest-assistant:rate"
# A chat's entry outlives its next free moment by this much, then Redis forgets it.
KEEP_MS = 60_000
MICRO = 1_000_000

# Moments are whole microseconds (exact in Lua's doubles); intervals are rounded up, so the
# limits are never exceeded by rounding.
# KEYS: overall next free moment, the chat's next free moment, paused until.
# ARGV: now, overall interval, chat interval, keep (ms). Returns the microseconds to wait.
RESERVE = """
local now = tonumber(ARGV[1])
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'),
    tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0'))
redis.call('SET', KEYS[1], start + tonumber(ARGV[2]), 'PX', ARGV[4])
redis.call('SET', KEYS[2], start + tonumber(ARGV[3]), 'PX', ARGV[4])
return start - now
"""

# KEYS: paused until. ARGV: now, pause, keep (ms). Never shortens a pause already set; returns
# the microseconds left of the pause.
PAUSE = """
local ends = tonumber(ARGV[1]) + tonumber(ARGV[2])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if ends > current then
    redis.call('SET', KEYS[1], ends, 'PX', ARGV[3])
end
return math.max(ends, current) - tonumber(ARGV[1])
"""


class RedisRateLimit:
    def __init__(
        self,
        redis: "Redis",
        rate: float,
        *,
        prefix: str = PREFIX,
        per_chat_interval: float = PER_CHAT_INTERVAL,
        per_group_interval: float = PER_GROUP_INTERVAL,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._redis = redis
        self._interval = _micro(1.0 / rate)
        self._per_chat, self._per_group = per_chat_interval, per_group_interval
        self._prefix, self._clock, self._sleep = prefix, clock, sleep
        self._reserve = redis.register_script(RESERVE)
        self._pause = redis.register_script(PAUSE)
        self._alone = Pacer(rate, per_chat_interval, per_group_interval, clock, sleep)
        self._reachable = True  # so an outage is logged once, not for every message

    async def acquire(self, chat_id: int) -> None:
        interval = _micro(chat_interval(chat_id, self._per_chat, self._per_group))
        keys = [self._key("next"), self._key(f"chat:{chat_id}"), self._key("paused")]
        try:
            wait = await self._reserve(keys, [self._now(), self._interval, interval, KEEP_MS])
        except RedisError as error:
            self._unreachable(error)
            await self._alone.acquire(chat_id)
            return
        self._reachable = True
        if wait > 0:
            await self._sleep(wait / MICRO)

    async def pause(self, seconds: float) -> None:
        keep = int(seconds * 1000) + KEEP_MS
        try:
            pause = [self._now(), _micro(seconds), keep]
            left = await self._pause([self._key("paused")], pause)
        except RedisError as error:
            self._unreachable(error)
            await self._alone.pause(seconds)
            return
        await self._sleep(left / MICRO)

    async def close(self) -> None:
        await self._redis.aclose()

    def _unreachable(self, error: RedisError) -> None:
        if self._reachable:
            log.warning("Redis is unreachable (%s): this process keeps to the limit alone", error)
        self._reachable = False

    def _key(self, name: str) -> str:
        return f"{self._prefix}:{name}"

    def _now(self) -> int:
        return int(self._clock() * MICRO)


def _micro(seconds: float) -> int:
    return math.ceil(seconds * MICRO - 1e-6)  # 1/30 s is 33334 µs, 1 s is 1000000
