"""/help, /language and /cancel: available to everyone."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command
from bot.domain.problems import N_
from bot.services.accounts import choose_locale, resolve_viewer
from bot.texts.help import help_text
from bot.texts.texts import Texts
from handlers.exam.router import offer_hand_in
from handlers.filters import IsCommand
from handlers.general.callbacks import LanguageChoice
from handlers.general.keyboards import languages
from handlers.menus import set_chat_menu
from handlers.queries import take_choice
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="general")
    router.message.register(show_help, IsCommand(Command.HELP))
    router.message.register(ask_language, IsCommand(Command.LANGUAGE))
    router.message.register(cancel, IsCommand(Command.CANCEL))
    router.callback_query.register(set_language, LanguageChoice.filter())
    return router


async def show_help(message: Message, request: Request) -> None:
    await message.answer(help_text(request.t, request.viewer.role))


async def ask_language(message: Message, request: Request) -> None:
    await message.answer(request.t(N_("Choose your language:")), reply_markup=languages())


async def set_language(
    query: CallbackQuery, callback_data: LanguageChoice, request: Request
) -> None:
    user, app = query.from_user, request.app
    if not await take_choice(query, request):
        return
    chat_id = query.message.chat.id if query.message else user.id
    account = await request.call(choose_locale, app.clock, user.id, callback_data.locale)
    app.accounts.forget(user.id)
    viewer = resolve_viewer(account, request.snapshot, callback_data.locale)
    t = Texts(viewer.locale, request.t.zone)
    await set_chat_menu(request.bot, chat_id, viewer.role, t)
    await query.answer(t(N_("Language set to English.")))
    await request.bot.send_message(chat_id, help_text(t, viewer.role))


async def cancel(message: Message, request: Request) -> None:
    if await offer_hand_in(message, request):
        return
    had_state = await request.state.get_state() is not None
    await request.state.clear()
    text = N_("Cancelled.") if had_state else N_("There is nothing to cancel.")
    await message.answer(request.t(text))
