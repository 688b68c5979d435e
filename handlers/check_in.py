"""/checkin: contestants and leaders tell the organizers they have arrived."""

from aiogram.types import Message

from bot.domain.problems import N_
from bot.services.check_ins import CheckInOutcome, check_in
from handlers.request import Request

ANSWERS = {
    CheckInOutcome.CHECKED_IN: N_("Checked in at {time}. Welcome! /next shows your team's turn."),
    CheckInOutcome.ALREADY: N_("You already checked in today at {time}."),
    CheckInOutcome.NOT_A_CONTEST_DAY: N_(
        "Nothing is on the programme today, so there is nothing to check in for."
    ),
}


async def arrived(message: Message, request: Request) -> None:
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if snapshot is None or person is None or person.id is None:
        await message.answer(request.no_contest())
        return
    result = await check_in(request.uow, snapshot, person.id, request.now())
    time = t.clock(result.at) if result.at else ""
    await message.answer(t(ANSWERS[result.outcome], time=time))
