"""Onboarding: /start with the code from a badge (deep link or typed), or without one."""

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from bot.domain.onboarding import Outcome
from bot.services.accounts import resolve_viewer
from bot.services.onboarding import open_account, start_with_code
from bot.texts.onboarding import ask_for_code_text, start_result_text, welcome_text
from bot.texts.texts import Texts
from handlers.filters import IsCommand, PlainText, speaks_for_nobody
from handlers.menus import set_chat_menu
from handlers.private_chats import WHO_IS_WRITING
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="onboarding")
    router.message.register(start, IsCommand("start"))
    router.message.register(code_entered, StateFilter(Onboarding.waiting_for_code), PlainText())
    return router


class Onboarding(StatesGroup):
    waiting_for_code = State()


async def start(message: Message, request: Request) -> None:
    if request.args:
        await request.state.clear()
        await redeem(message, request.args, request)
        return
    if message.from_user is None or await _anonymous(message, request):
        return
    await request.call(open_account, request.app.clock, message.from_user.id)
    person, snapshot = request.viewer.person, request.snapshot
    if person is not None and snapshot is not None:
        await message.answer(welcome_text(request.t, snapshot, person))
        return
    await request.state.set_state(Onboarding.waiting_for_code)
    name = snapshot.data.contest.name if snapshot else None
    await message.answer(ask_for_code_text(request.t, name))


async def code_entered(message: Message, request: Request) -> None:
    outcome = await redeem(message, message.text or "", request)
    if outcome is not Outcome.WRONG_CODE:
        await request.state.clear()


async def redeem(message: Message, code: str, request: Request) -> Outcome | None:
    """Binds the code to the sender's account; the account's chat is their private chat."""
    user = message.from_user
    if user is None or await _anonymous(message, request):
        return None
    app, snapshot, t = request.app, request.snapshot, request.t
    result = await request.call(start_with_code, app.clock, snapshot, user.id, code)
    app.accounts.forget(user.id)
    if result.outcome is Outcome.BOUND:
        # From now on they read in their own language, with their role's menu.
        viewer = resolve_viewer(result.account, snapshot, t.locale)
        t = Texts(viewer.locale, t.zone)
        await set_chat_menu(request.bot, result.account.chat_id, viewer.role, t)
    await message.answer(start_result_text(t, snapshot, result))
    return result.outcome


async def _anonymous(message: Message, request: Request) -> bool:
    """An anonymous admin or a channel is nobody to bind: refused, whatever the chat."""
    if not speaks_for_nobody(message.from_user, message):
        return False
    await message.answer(request.t(WHO_IS_WRITING))
    return True
