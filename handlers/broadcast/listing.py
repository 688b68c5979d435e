"""/broadcasts: the latest announcements and how far they got; Report refreshes, Cancel stops."""

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.problems import N_, N_plural
from bot.services.broadcast_reports import (
    BroadcastReport,
    broadcast_report,
    latest_reports,
    stop_broadcast,
)
from handlers.broadcast.callbacks import BroadcastAction, BroadcastButton
from handlers.broadcast.draft import may_broadcast
from handlers.broadcast.views import list_view, report_buttons, report_view
from handlers.fallback.router import stale_button
from handlers.queries import chat_of
from handlers.request import Request

LISTED = 10
MAX_ID = 2**31 - 1  # larger ids cannot exist, and would overflow the database's integer


async def show_list(message: Message, request: Request) -> None:
    reports = await request.call(latest_reports, LISTED)
    text = list_view(request.t, request.snapshot, reports, request.now())
    await message.answer(text, reply_markup=report_buttons(request.t, reports))


async def pressed(query: CallbackQuery, callback_data: BroadcastButton, request: Request) -> None:
    """Report or Cancel: organizers only, and only for a broadcast that exists."""
    if not may_broadcast(request) or not 0 < callback_data.id <= MAX_ID:
        await stale_button(query, request)
    elif callback_data.action is BroadcastAction.CANCEL:
        await _cancel(query, request, callback_data.id)
    else:
        await _report(query, request, callback_data.id)


async def _report(query: CallbackQuery, request: Request, broadcast_id: int) -> None:
    found = await request.call(broadcast_report, broadcast_id)
    if found is None:
        await stale_button(query, request)
        return
    await query.answer()
    await _show(query, request, found)


async def _cancel(query: CallbackQuery, request: Request, broadcast_id: int) -> None:
    cancellation = await request.call(stop_broadcast, broadcast_id)
    if cancellation is None:
        await stale_button(query, request)
        return
    found, t = cancellation.report, request.t
    if cancellation.stopped is None:
        nothing = N_("Nothing is waiting to be sent for broadcast #{id}.")
        await query.answer(t(nothing, id=found.broadcast.id), show_alert=True)
    else:
        await request.bot.send_message(
            chat_of(query),
            t(N_plural("Broadcast #{id} cancelled: {count} message will not be sent.",
                       "Broadcast #{id} cancelled: {count} messages will not be sent."),
              id=found.broadcast.id, count=cancellation.stopped),
        )  # fmt: skip
        await query.answer()
    await _show(query, request, found)


async def _show(query: CallbackQuery, request: Request, found: BroadcastReport) -> None:
    """The broadcast's report in place of the message whose button was pressed."""
    text = report_view(request.t, request.snapshot, found, request.now())
    markup = report_buttons(request.t, [found])
    if not isinstance(query.message, Message):
        await request.bot.send_message(chat_of(query), text, reply_markup=markup)
        return
    await _edit(query.message, text, markup)


async def _edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as error:
        if "not modified" not in error.message:
            raise
