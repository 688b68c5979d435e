"""The outermost of our middlewares: an update delivered again is dropped before anything."""

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update

from bot.services.handled_updates import HandledUpdates

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class OnceMiddleware(BaseMiddleware):
    """Claims each update first (bot.services.handled_updates says where and why); a copy that
    finds it claimed goes no further, and an update whose handling fails is released."""

    def __init__(self, updates: HandledUpdates) -> None:
        self._updates = updates

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        bot: Bot = data["bot"]
        claim = await self._updates.claim(bot.id, event.update_id)
        if not claim.first:
            log.debug("update %s was delivered again: dropped", event.update_id)
            return UNHANDLED
        try:
            result = await handler(event, data)
        except BaseException:
            await self._updates.release(bot.id, event.update_id, claim)
            raise
        await self._updates.handled(bot.id, event.update_id, claim)
        return result
