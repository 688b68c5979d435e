"""The outbox's way out: one delivery, one Bot API call, Telegram's answer as a verdict."""

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.outbox import Attachment, AttachmentKind, Buttons, Delivery
from bot.services.sender import SendResult, Verdict

GONE = ("chat not found", "user is deactivated", "bot was blocked")


class BotTransport:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, delivery: Delivery) -> SendResult:
        try:
            message_id = await post(self._bot, delivery.chat_id, delivery.text, delivery.attachment)
        except TelegramRetryAfter as error:
            return SendResult(Verdict.RETRY_AFTER, retry_after=float(error.retry_after))
        except TelegramForbiddenError as error:
            return SendResult(Verdict.UNREACHABLE, reason=error.message)
        except TelegramBadRequest as error:
            gone = any(phrase in error.message.lower() for phrase in GONE)
            return SendResult(
                Verdict.UNREACHABLE if gone else Verdict.REJECTED, reason=error.message
            )
        except (TelegramNetworkError, TelegramServerError) as error:
            return SendResult(Verdict.TRANSIENT, reason=str(error))
        if delivery.pin:
            # Sent is sent: a group that never gave the bot the right to pin still got the
            # message, and the report keeps why it is not pinned.
            try:
                await self._bot.pin_chat_message(delivery.chat_id, message_id)
            except (TelegramAPIError, TelegramNetworkError) as error:
                return SendResult(Verdict.SENT, reason=f"not pinned: {error}")
        return SendResult(Verdict.SENT)


async def post(
    bot: Bot, chat_id: int, text: str, attachment: Attachment | None, buttons: Buttons = ()
) -> int:
    """Sends a text, or a file by its file_id with the text as caption; returns the message id."""
    markup = keyboard(buttons)
    if attachment is None:
        return (await bot.send_message(chat_id, text, reply_markup=markup)).message_id
    caption = text or None
    if attachment.kind is AttachmentKind.PHOTO:
        sent = await bot.send_photo(
            chat_id, attachment.file_id, caption=caption, reply_markup=markup
        )
    else:
        sent = await bot.send_document(
            chat_id, attachment.file_id, caption=caption, reply_markup=markup
        )
    return sent.message_id


def keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    rows = [
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in buttons
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
