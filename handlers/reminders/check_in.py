"""/checkin: contestants and leaders tell the organizers they have arrived."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.services.check_ins import attendance, check_in
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.reminders.callbacks import CheckInButton
from handlers.reminders.views import attendance_view, check_in_view
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="check_in")
    router.message.register(arrived, IsCommand(Command.CHECKIN))
    router.message.register(missing, IsCommand(Command.CHECKINS))
    router.callback_query.register(pressed, CheckInButton.filter())
    return router


async def arrived(message: Message, request: Request) -> None:
    await message.answer(await _check_in(request))


async def pressed(query: CallbackQuery, request: Request) -> None:
    """The button under a reminder; only those who may /checkin can use it."""
    if not allowed(request.viewer.role, Command.CHECKIN):
        await stale_button(query, request)
        return
    await query.answer(await _check_in(request), show_alert=True)


async def _check_in(request: Request) -> str:
    person, snapshot = request.viewer.person, request.snapshot
    if snapshot is None or person is None or person.id is None:
        return request.no_contest()
    result = await request.call(check_in, snapshot, person.id, request.now(), request.app.views)
    return check_in_view(request.t, result)


async def missing(message: Message, request: Request) -> None:
    """/checkins: per round today, how many have arrived, team by team."""
    snapshot = request.snapshot
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    rounds = await request.call(attendance, snapshot, request.now())
    await message.answer(attendance_view(request.t, snapshot, rounds))
