"""The Redis client every part of the bot that talks to Redis gets, built from the settings."""

from redis.asyncio import Redis

from bot.config import Settings

READY_TIMEOUT = 2.0  # seconds a readiness check waits for an answer


def create_redis(settings: Settings) -> Redis | None:
    """A client for REDIS_URL, or None when no Redis is configured."""
    if not settings.redis_url:
        return None
    return Redis.from_url(
        settings.redis_url, socket_timeout=READY_TIMEOUT, socket_connect_timeout=READY_TIMEOUT
    )


async def redis_answers(redis: Redis) -> None:
    """PING; raises if Redis does not answer."""
    await redis.ping()  # type: ignore[misc]  # redis-py types it for both clients
