"""The Redis client every part of the bot that talks to Redis gets, built from the settings."""

from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:
    from redis.asyncio import Redis

READY_TIMEOUT = 2.0  # seconds a readiness check waits for an answer


def create_redis(settings: Settings) -> "Redis | None":
    """A client for REDIS_URL, or None when no Redis is configured (then redis is not loaded)."""
    if not settings.redis_url:
        return None
    from redis.asyncio import Redis

    return Redis.from_url(
        settings.redis_url, socket_timeout=READY_TIMEOUT, socket_connect_timeout=READY_TIMEOUT
    )


async def redis_answers(redis: "Redis") -> None:
    """PING; raises if Redis does not answer."""
    await redis.ping()  # type: ignore[misc]  # redis-py types it for both clients
