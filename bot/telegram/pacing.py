"""Every message the bot sends keeps to the one rate limit, handler replies included.

A session middleware reserves the slot of each call that sends to a chat (it names a chat and
is not a read) before it goes, and waits out a 429 for everyone sharing the limit before trying
again, so a reply is late rather than an error. The outbox sender paces its own deliveries (it
must record a 429 and hold its claims while it waits), so its transport calls the session past
this middleware (bot/telegram/transport.py); both share the limiter `rate_limit_of` finds.
"""

import logging
from functools import partial
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

from bot.config import Settings
from bot.services.rate_limit import Pacer, RateLimit

log = logging.getLogger(__name__)
TRIES = 3  # a call Telegram still refuses after as many waits reports its 429
# Calls that put a message in a chat (Telegram's limits count messages): sendMessage, sendPhoto,
# sendPoll, editMessageText, copyMessage, forwardMessage, … but not the "typing…" status.
MESSAGES = ("Send", "Edit", "Copy", "Forward")
NOT_MESSAGES = frozenset({"SendChatAction"})


class PacingMiddleware(BaseRequestMiddleware):
    def __init__(self, rate_limit: RateLimit, tries: int = TRIES) -> None:
        self.rate_limit = rate_limit
        self._tries = tries

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        chat_id = sends_to(method)
        for _ in range(self._tries - 1):
            try:
                return await self._paced(make_request, bot, method, chat_id)
            except TelegramRetryAfter as error:
                name = type(method).__name__
                log.warning("429 on %s: everyone waits %s s", name, error.retry_after)
                await self.rate_limit.pause(float(error.retry_after))
        return await self._paced(make_request, bot, method, chat_id)

    async def _paced(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
        chat_id: int | None,
    ) -> Response[TelegramType]:
        if chat_id is not None:
            await self.rate_limit.acquire(chat_id)
        return await make_request(bot, method)


def sends_to(method: TelegramMethod[Any]) -> int | None:
    """The chat a call puts a message in; None for other calls (and for a chat named by
    @username, which has no slot of its own)."""
    chat_id, name = getattr(method, "chat_id", None), type(method).__name__
    if not isinstance(chat_id, int) or not name.startswith(MESSAGES) or name in NOT_MESSAGES:
        return None
    return chat_id


async def past_pacing(bot: Bot, method: TelegramMethod[TelegramType]) -> TelegramType:
    """Makes a call its caller paced already, through the session's other middlewares."""
    call: Any = bot.session.make_request
    for middleware in reversed(bot.session.middleware):
        if not isinstance(middleware, PacingMiddleware):
            call = partial(middleware, call)
    return cast(TelegramType, await call(bot, method))


def create_rate_limit(settings: Settings, bot_id: int) -> RateLimit:
    """Shared by every process through Redis when there is one; else this process's own."""
    if not settings.redis_url:
        return Pacer(settings.send_rate)
    from redis.asyncio import Redis

    from bot.adapters.redis_rate_limit import PREFIX, RedisRateLimit

    # Bounded, so that a Redis that hangs makes this process pace itself instead of stalling.
    redis = Redis.from_url(
        settings.redis_url,
        max_connections=settings.redis_pool_size,
        socket_timeout=settings.redis_timeout,
        socket_connect_timeout=settings.redis_timeout,
    )
    return RedisRateLimit(redis, settings.send_rate, prefix=f"{PREFIX}:{bot_id}")


def attach_pacing(bot: Bot, rate_limit: RateLimit) -> None:
    bot.session.middleware(PacingMiddleware(rate_limit))


def rate_limit_of(bot: Bot) -> RateLimit | None:
    """The limiter the bot's calls keep to, if its session paces them."""
    for middleware in bot.session.middleware:
        if isinstance(middleware, PacingMiddleware):
            return middleware.rate_limit
    return None


async def close_pacing(bot: Bot) -> None:
    """Lets go of the limiter's connection, if it has one."""
    rate_limit = rate_limit_of(bot)
    close = getattr(rate_limit, "close", None)
    if close is not None:
        await close()
