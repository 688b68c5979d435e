"""Organizers: who has joined, and releasing an invite for a new account."""

from aiogram import Router
from aiogram.types import Message

from bot.domain.commands import Command
from bot.domain.problems import N_
from bot.services.onboarding import onboarding_status, unbind
from handlers.filters import IsCommand
from handlers.menus import set_chat_menu
from handlers.onboarding.views import status_text
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="organizer")
    router.message.register(onboarding, IsCommand(Command.ONBOARDING))
    router.message.register(release, IsCommand(Command.UNBIND))
    return router


async def onboarding(message: Message, request: Request) -> None:
    snapshot = request.snapshot
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    status = await request.call(onboarding_status, snapshot)
    await message.answer(status_text(request.t, snapshot, status))


async def release(message: Message, request: Request) -> None:
    code, snapshot, t = request.args, request.snapshot, request.t
    if not code or snapshot is None:
        await message.answer(t(N_("Usage: /unbind PERSON-CODE (as in the People sheet).")))
        return
    account = await request.call(unbind, snapshot, code)
    if account is None:
        await message.answer(t(N_("Nobody is registered under {code}."), code=code))
        return
    request.app.accounts.forget(account.telegram_user_id)
    await set_chat_menu(request.bot, account.chat_id, None, t)
    await message.answer(
        t(N_("{code} is released: their invite code works again for a new account."), code=code)
    )
