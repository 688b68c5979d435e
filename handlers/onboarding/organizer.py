"""Organizers: who has joined, and releasing an invite for a new account."""

from html import escape

from aiogram import Router
from aiogram.types import Message

from bot.domain.commands import Command
from bot.domain.problems import N_
from bot.services.onboarding import onboarding_status, unbind
from handlers.filters import IsCommand
from handlers.menus import set_chat_menu
from handlers.request import Request

SHOWN_MISSING = 40


def create_router() -> Router:
    router = Router(name="organizer")
    router.message.register(onboarding, IsCommand(Command.ONBOARDING))
    router.message.register(release, IsCommand(Command.UNBIND))
    return router


async def onboarding(message: Message, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    status = await onboarding_status(request.work, snapshot)
    lines = [t(N_("<b>{joined} of {total} people have joined.</b>"),
               joined=status.joined, total=status.total)]  # fmt: skip
    if status.missing:
        lines.append(t(N_("Not yet joined:")))
        for person in status.missing[:SHOWN_MISSING]:
            team = snapshot.teams.get(person.team_code or "")
            where = f" · {escape(team.name)}" if team else ""
            lines.append(f"{escape(person.code)} {escape(person.name)}{where}")
        if len(status.missing) > SHOWN_MISSING:
            lines.append(t(N_("… and {count} more."), count=len(status.missing) - SHOWN_MISSING))
    await message.answer("\n".join(lines))


async def release(message: Message, request: Request) -> None:
    code, snapshot, t = request.args, request.snapshot, request.t
    if not code or snapshot is None:
        await message.answer(t(N_("Usage: /unbind PERSON-CODE (as in the People sheet).")))
        return
    account = await unbind(request.work, snapshot, code)
    if account is None:
        await message.answer(t(N_("Nobody is registered under {code}."), code=code))
        return
    request.app.accounts.forget(account.telegram_user_id)
    await set_chat_menu(request.bot, account.chat_id, None, t)
    await message.answer(
        t(N_("{code} is released: their invite code works again for a new account."), code=code)
    )
