"""The record of handled updates in Redis: a key per update, set if absent, expiring.

A claim first lives IN_HAND: a process killed mid-update (kill -9, a lost host) leaves a claim
that lapses soon, so Telegram's repost of the unanswered webhook is handled then; once handled,
the key is kept for KEPT, and any later copy is dropped."""

from datetime import timedelta

from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.services.handled_updates import KEPT, SharedRecordError

PREFIX = "contest-assistant"  # the prefix of the dialogues' keys (bot.app.create_storage)
IN_HAND = timedelta(seconds=20)  # far longer than handling one update takes


class RedisUpdateRecord:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def claim(self, bot_id: int, update_id: int) -> bool:
        try:
            return bool(await self._redis.set(key(bot_id, update_id), 1, nx=True, ex=IN_HAND))
        except (RedisError, OSError) as error:
            raise SharedRecordError(str(error)) from error

    async def handled(self, bot_id: int, update_id: int) -> None:
        try:
            await self._redis.set(key(bot_id, update_id), 1, ex=KEPT)
        except (RedisError, OSError) as error:
            raise SharedRecordError(str(error)) from error

    async def release(self, bot_id: int, update_id: int) -> None:
        try:
            await self._redis.delete(key(bot_id, update_id))
        except (RedisError, OSError) as error:
            raise SharedRecordError(str(error)) from error


def key(bot_id: int, update_id: int) -> str:
    return f"{PREFIX}:{bot_id}:update:{update_id}"


def shared_update_record(storage: BaseStorage) -> RedisUpdateRecord | None:
    """The record on the Redis the dialogues are kept in (its connection pool too), if any."""
    return RedisUpdateRecord(storage.redis) if isinstance(storage, RedisStorage) else None
