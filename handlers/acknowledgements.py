""" "Got it" under a turn reminder: one member's tap answers for the team."""

from aiogram import Router
from aiogram.types import CallbackQuery

from bot.domain.problems import N_
from bot.services.reminders import acknowledge
from handlers.fallback import stale_button
from handlers.keyboards import AcknowledgeButton
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="acknowledgements")
    router.callback_query.register(got_it, AcknowledgeButton.filter())
    return router


async def got_it(query: CallbackQuery, callback_data: AcknowledgeButton, request: Request) -> None:
    person = request.viewer.person
    if person is None:
        await stale_button(query, request)
        return
    try:
        first = await acknowledge(request.uow, callback_data.reminder, person, request.now())
    except LookupError:  # not their team's reminder, or no such reminder
        await stale_button(query, request)
        return
    thanks = N_("Thank you, noted.") if first else N_("Already confirmed by your team, thanks.")
    await query.answer(request.t(thanks))
