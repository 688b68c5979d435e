"""No practice content while the real theory exam runs or a lockdown is on: every practice and
mock-exam command, button and typed answer is turned away with the time it opens again."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.domain.problems import N_
from bot.services.practice_push import practice_closed_until
from handlers.request import Request

# The flag marking a message handler as practice content (a practice or mock-exam command, a
# typed answer); every button of the practice and exam routers is.
GATED = {"practice_gate": True}


async def turned_away(event: Message | CallbackQuery, request: Request) -> bool:
    """True (and the person told why) when practice is closed now."""
    if request.snapshot is None:
        return False
    now = request.now()
    until = practice_closed_until(request.snapshot, request.app.practice.lockdowns, now)
    if until is None:
        return False
    reply = request.t(
        N_("Practice is paused while the theory exam runs; it opens again at {time}."),
        time=request.t.moment(until),
    )
    if isinstance(event, CallbackQuery):
        await event.answer(reply, show_alert=True)
    else:
        await event.answer(reply)
    return True


class PracticeGate(BaseMiddleware):
    """On the practice and exam routers: their buttons, and their messages flagged `GATED`."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        gated = isinstance(event, CallbackQuery) or get_flag(data, "practice_gate", default=False)
        if (
            gated
            and isinstance(event, Message | CallbackQuery)
            and await turned_away(event, data["request"])
        ):
            return None
        return await handler(event, data)
