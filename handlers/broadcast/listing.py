"""/broadcasts: the latest announcements and how far they got; Report refreshes, Cancel stops."""

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.broadcasts import Broadcast
from bot.domain.problems import N_, N_plural
from bot.services.broadcasts import cancel, report
from bot.texts.broadcasts import list_text, report_text
from handlers.broadcast.callbacks import BroadcastAction, BroadcastButton
from handlers.broadcast.draft import may_broadcast
from handlers.broadcast.keyboards import broadcast_buttons
from handlers.fallback.router import stale_button
from handlers.queries import chat_of
from handlers.request import Request

LISTED = 10
MAX_ID = 2**31 - 1  # larger ids cannot exist, and would overflow the database's integer


async def show_list(message: Message, request: Request) -> None:
    latest = await request.work.broadcasts.latest(LISTED)
    texts, rows = [], []
    for broadcast in latest:
        counts = await report(request.work, broadcast.id)
        texts.append(_report(request, broadcast, counts))
        rows.append((broadcast.id, _pending(broadcast, counts)))
    await message.answer(
        list_text(request.t, texts), reply_markup=broadcast_buttons(request.t, rows)
    )


async def pressed(query: CallbackQuery, callback_data: BroadcastButton, request: Request) -> None:
    """Report or Cancel: organizers only, and only for a broadcast that exists."""
    known = may_broadcast(request) and 0 < callback_data.id <= MAX_ID
    broadcast = await request.work.broadcasts.get(callback_data.id) if known else None
    if broadcast is None:
        await stale_button(query, request)
        return
    counts = await report(request.work, broadcast.id)
    if callback_data.action is BroadcastAction.CANCEL:
        if not _pending(broadcast, counts):
            await query.answer(
                request.t(
                    N_("Nothing is waiting to be sent for broadcast #{id}."), id=broadcast.id
                ),
                show_alert=True,
            )
            await _show(query, request, broadcast, counts)
            return
        stopped = await cancel(request.work, broadcast.id)
        broadcast = await request.work.broadcasts.get(broadcast.id) or broadcast
        counts = await report(request.work, broadcast.id)
        await request.bot.send_message(
            chat_of(query),
            request.t(N_plural("Broadcast #{id} cancelled: {count} message will not be sent.",
                               "Broadcast #{id} cancelled: {count} messages will not be sent."),
                      id=broadcast.id, count=stopped),
        )  # fmt: skip
    await query.answer()
    await _show(query, request, broadcast, counts)


def _pending(broadcast: Broadcast, counts: dict[str, int]) -> bool:
    return not broadcast.cancelled and counts["pending"] > 0


def _report(request: Request, broadcast: Broadcast, counts: dict[str, int]) -> str:
    return report_text(request.t, request.snapshot, broadcast, counts, request.now())


async def _show(
    query: CallbackQuery, request: Request, broadcast: Broadcast, counts: dict[str, int]
) -> None:
    """The broadcast's report in place of the message whose button was pressed."""
    text = _report(request, broadcast, counts)
    markup = broadcast_buttons(request.t, [(broadcast.id, _pending(broadcast, counts))])
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
