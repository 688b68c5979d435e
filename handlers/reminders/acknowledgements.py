""" "Got it" under a turn reminder: one member's tap answers for the team's whole turn."""

import contextlib

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.domain.problems import N_
from bot.services.acknowledgements import acknowledge
from handlers.fallback.router import stale_button
from handlers.reminders.callbacks import AcknowledgeButton
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="acknowledgements")
    router.callback_query.register(got_it, AcknowledgeButton.filter())
    return router


async def got_it(query: CallbackQuery, callback_data: AcknowledgeButton, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    if person is None or snapshot is None:
        await stale_button(query, request)
        return
    chat_id = query.message.chat.id if query.message else query.from_user.id
    try:
        done = await request.call(
            acknowledge,
            snapshot,
            callback_data.reminder,
            person,
            chat_id,
            request.now(),
            request.app.views,
        )
    except LookupError:  # not their team's reminder, or no such reminder
        await stale_button(query, request)
        return
    thanks = N_("Thank you, noted.")
    if not done.first:
        thanks = N_("Already confirmed by your team, thanks.")
    await query.answer(request.t(thanks))
    if isinstance(query.message, Message):
        # A second tap finds the message already reading so.
        with contextlib.suppress(TelegramBadRequest):
            await query.message.edit_text(done.text, reply_markup=None)
