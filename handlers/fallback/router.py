"""Everything nobody else handled gets an answer: unknown commands, stickers, stale buttons."""

import logging
from contextlib import suppress

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, ErrorEvent, Message

from bot.domain.commands import COMMANDS, allowed
from bot.domain.problems import N_
from bot.services.live_run import live_run
from bot.texts.help import help_text
from bot.texts.texts import Texts
from handlers.context import BotContext
from handlers.fallback.views import menu_reply
from handlers.filters import AnyCommand
from handlers.keyboards import MenuAction, suggestions
from handlers.queries import take_choice
from handlers.request import Request

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_command, AnyCommand())
    router.callback_query.register(menu_action, MenuAction.filter())
    router.message.register(not_text)
    router.callback_query.register(stale_button)
    router.errors.register(failure)
    return router


async def menu_action(query: CallbackQuery, callback_data: MenuAction, request: Request) -> None:
    command, viewer, t = callback_data.command, request.viewer, request.t
    if not allowed(viewer.role, command) or query.message is None:
        await query.answer(t(N_("This button is no longer valid.")), show_alert=True)
        return
    if not await take_choice(query, request):
        return
    await query.answer()
    live = await request.call(live_run)
    text, markup = menu_reply(t, request.snapshot, viewer, command, request.now(), live)
    await query.message.answer(text, reply_markup=markup)


async def unknown_command(message: Message, request: Request) -> None:
    t = request.t
    await message.answer(
        t(N_("I do not know that command. Here is what I can do:")) + "\n\n"
        + help_text(t, request.viewer.role)
    )  # fmt: skip


async def not_text(message: Message, request: Request) -> None:
    if message.chat.type != ChatType.PRIVATE:
        return  # photos and stickers in a team's group are for the team, not for the bot
    await message.answer(
        request.t(N_("I can only read text. Ask me about the programme, or tap a button:")),
        reply_markup=suggestions(request.t, COMMANDS[request.viewer.role]),
    )


async def stale_button(query: CallbackQuery, request: Request) -> None:
    await query.answer(request.t(N_("This button is no longer valid.")), show_alert=True)


async def failure(event: ErrorEvent, app: BotContext, request: Request | None = None) -> None:
    """Logs the failure and apologises; the unit of work has already rolled back."""
    log.error("update %s failed", event.update.update_id, exc_info=event.exception)
    query = event.update.callback_query
    message = event.update.message or (query.message if query else None)
    t = request.t if request else Texts(app.settings.default_locale, app.zone)
    apology = t(N_("Sorry, something went wrong. Please try again."))
    # Best effort: a failure here must not become a second, unhandled one.
    if query is not None:
        with suppress(TelegramAPIError):  # answered already, before the failure
            in_chat = isinstance(message, Message)  # then the chat gets the apology
            await query.answer(None if in_chat else apology, show_alert=not in_chat)
    if isinstance(message, Message):
        with suppress(TelegramAPIError):  # the chat is gone, or the bot was blocked
            await message.answer(apology)
