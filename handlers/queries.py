"""Answering a button press: in which chat, and taking the pressed buttons away."""

from contextlib import suppress

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message


def chat_of(query: CallbackQuery) -> int:
    return query.message.chat.id if query.message else query.from_user.id


async def close_buttons(query: CallbackQuery) -> None:
    """Takes the buttons off the message that was answered, so they cannot be pressed again."""
    if isinstance(query.message, Message) and query.message.reply_markup is not None:
        with suppress(TelegramBadRequest):  # too old to edit, or already without buttons
            await query.message.edit_reply_markup(reply_markup=None)
