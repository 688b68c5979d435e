"""/audit: the notary (and organizers) read the trail in the bot; nothing here changes it."""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.services.audit import trail_page
from handlers.audit.callbacks import AuditPage
from handlers.audit.views import older_button, trail_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.request import Request

PAGE = 10


def create_router() -> Router:
    router = Router(name="audit")
    router.message.register(show, IsCommand(Command.AUDIT))
    router.callback_query.register(page, AuditPage.filter())
    return router


async def show(message: Message, request: Request) -> None:
    found = await request.call(trail_page, None, PAGE)
    text = trail_text(request.t, request.snapshot, found)
    await message.answer(text, reply_markup=older_button(request.t, found))


async def page(query: CallbackQuery, callback_data: AuditPage, request: Request) -> None:
    if not allowed(request.viewer.role, Command.AUDIT) or callback_data.below < 1:
        await stale_button(query, request)
        return
    await query.answer()
    found = await request.call(trail_page, callback_data.below, PAGE)
    text = trail_text(request.t, request.snapshot, found)
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):
            await query.message.edit_text(text, reply_markup=older_button(request.t, found))
