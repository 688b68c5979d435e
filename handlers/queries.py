"""Answering a button press: in which chat, and taking the pressed buttons away."""

from contextlib import suppress
from typing import TYPE_CHECKING

from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.domain.problems import N_

if TYPE_CHECKING:
    from handlers.request import Request

ALREADY_HANDLED = N_("Already handled.")


def chat_of(query: CallbackQuery) -> int:
    return query.message.chat.id if query.message else query.from_user.id


async def close_buttons(query: CallbackQuery, keep: tuple[type[CallbackData], ...] = ()) -> None:
    """Takes the buttons off the message that was answered, so they cannot be pressed again;
    buttons of the `keep` kinds (say, "report this answer key") stay."""
    if isinstance(query.message, Message) and query.message.reply_markup is not None:
        left = _kept(query.message.reply_markup, keep) if keep else None
        with suppress(TelegramBadRequest):  # too old to edit, or already without buttons
            await query.message.edit_reply_markup(reply_markup=left)


async def take_choice(
    query: CallbackQuery, request: "Request", keep: tuple[type[CallbackData], ...] = ()
) -> bool:
    """The first press on a message offering one choice takes its buttons away (see
    `close_buttons`) and returns True; a later press on it, before its buttons are gone on the
    presser's screen, is answered "already handled" and returns False."""
    message = query.message
    if not isinstance(message, Message) or message.reply_markup is None:
        return True  # an inline or inaccessible message: nothing to take away or remember
    if not request.app.choices.claim(message.chat.id, message.message_id):
        await already_handled(query, request)
        return False
    await close_buttons(query, keep)
    return True


async def already_handled(query: CallbackQuery, request: "Request") -> None:
    """A press on a choice already made: a double tap, or a stale copy of the buttons."""
    await query.answer(request.t(ALREADY_HANDLED), show_alert=True)


def _kept(
    markup: InlineKeyboardMarkup, keep: tuple[type[CallbackData], ...]
) -> InlineKeyboardMarkup | None:
    rows = [[b for b in row if _of(b, keep)] for row in markup.inline_keyboard]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _of(button: InlineKeyboardButton, kinds: tuple[type[CallbackData], ...]) -> bool:
    data = button.callback_data or ""
    return any(data.split(kind.__separator__)[0] == kind.__prefix__ for kind in kinds)
