"""/checkin: contestants and leaders tell the organizers they have arrived."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_
from bot.services.check_ins import CheckInOutcome, attendance, check_in
from bot.texts.reminders import attendance_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.reminders.callbacks import CheckInButton
from handlers.request import Request

ANSWERS = {
    CheckInOutcome.CHECKED_IN: N_("Checked in at {time}. Welcome! /next shows your team's turn."),
    CheckInOutcome.ALREADY: N_("You already checked in today at {time}."),
    CheckInOutcome.NOT_A_CONTEST_DAY: N_(
        "Nothing is on the programme today, so there is nothing to check in for."
    ),
}


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
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if snapshot is None or person is None or person.id is None:
        return request.no_contest()
    result = await check_in(request.work, snapshot, person.id, request.now(), request.app.views)
    return t(ANSWERS[result.outcome], time=t.clock(result.at) if result.at else "")


async def missing(message: Message, request: Request) -> None:
    """/checkins: per round today, how many have arrived, team by team."""
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    rounds = await attendance(request.work, snapshot, request.now())
    if not rounds:
        await message.answer(t(N_("No team has a turn today.")))
        return
    blocks = [attendance_text(t, snapshot, found.round_code, found.teams) for found in rounds]
    await message.answer("\n\n".join(blocks))
