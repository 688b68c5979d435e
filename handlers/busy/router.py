"""A dialogue step while Redis is down: nothing was saved, so the person is asked to try again
shortly (the unit of work has rolled back), rather than being told something broke."""

import logging
from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Message

from bot.domain.problems import N_
from bot.telegram.tolerant_storage import DialogueStoreDownError
from bot.texts.texts import Texts
from handlers.context import BotContext
from handlers.request import Request

log = logging.getLogger(__name__)
BUSY = N_("The service is busy; please try again in a minute.")


def create_router() -> Router:
    router = Router(name="busy")
    router.errors.register(busy, ExceptionTypeFilter(DialogueStoreDownError))
    return router


async def busy(event: ErrorEvent, app: BotContext, request: Request | None = None) -> None:
    log.warning("update %s: dialogue store down: %s", event.update.update_id, event.exception)
    query = event.update.callback_query
    message = event.update.message or (query.message if query else None)
    t = request.t if request else Texts(app.settings.default_locale, app.zone)
    if query is not None:
        with suppress(TelegramAPIError):
            await query.answer(t(BUSY), show_alert=True)
        return
    if isinstance(message, Message):
        with suppress(TelegramAPIError):
            await message.answer(t(BUSY))
