"""The outbox's way out: one delivery, one Bot API call, Telegram's answer as a verdict."""

from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import EditMessageText, SendDocument, SendMessage, SendPhoto
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.domain.outbox import Attachment, AttachmentKind, Buttons, Delivery, media_id
from bot.services.ports import UnitOfWorkFactory
from bot.services.sender import SendResult, Verdict
from bot.telegram.pacing import past_pacing

GONE = ("chat not found", "user is deactivated", "bot was blocked")
NOT_MODIFIED = "message is not modified"
File = str | BufferedInputFile


class MediaSource(Protocol):
    async def file(self, media: int) -> File | None: ...

    async def remember(self, media: int, file_id: str) -> None: ...


class StoredMedia:
    """Pictures from the database: the bytes the first time, Telegram's file id after."""

    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._unit_of_work = unit_of_work

    async def file(self, media: int) -> File | None:
        async with self._unit_of_work() as uow:
            found = await uow.media.get(media)
        if found is None:
            return None
        content, filename, file_id = found
        return file_id or BufferedInputFile(content, filename)

    async def remember(self, media: int, file_id: str) -> None:
        async with self._unit_of_work() as uow:
            await uow.media.remember(media, file_id)
            await uow.commit()


class BotTransport:
    """The sender waits for each delivery's slot of the rate limit itself (it records a 429 and
    holds its claim meanwhile), so its calls go past the session's pacing middleware."""

    def __init__(self, bot: Bot, media: MediaSource | None = None) -> None:
        self._bot = bot
        self._media = media

    async def send(self, delivery: Delivery) -> SendResult:
        if delivery.edits is not None:
            return await self._edit(delivery)
        attachment, file = delivery.attachment, None
        picture = media_id(attachment) if attachment else None
        if picture is not None:
            file = await self._media.file(picture) if self._media else None
            if file is None:
                return SendResult(Verdict.REJECTED, reason=f"picture {picture} is missing")
        try:
            call = message(delivery.chat_id, delivery.text, attachment, delivery.buttons, file)
            sent = await past_pacing(self._bot, call)
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
        uploaded = isinstance(file, BufferedInputFile) and sent.photo
        if self._media and picture is not None and uploaded and sent.photo:
            await self._media.remember(picture, sent.photo[-1].file_id)  # the rest go by id
        return await self._pin(delivery, sent.message_id)

    async def _pin(self, delivery: Delivery, message_id: int) -> SendResult:
        if not delivery.pin:
            return SendResult(Verdict.SENT, message_id=message_id)
        # Sent is sent: a group that never gave the bot the right to pin still got the message,
        # and the report keeps why it is not pinned.
        try:
            await self._bot.pin_chat_message(delivery.chat_id, message_id)
        except (TelegramAPIError, TelegramNetworkError) as error:
            return SendResult(Verdict.SENT, reason=f"not pinned: {error}", message_id=message_id)
        return SendResult(Verdict.SENT, message_id=message_id)

    async def _edit(self, delivery: Delivery) -> SendResult:
        """Rewrites a message sent before (text and buttons); an edit whose message is still
        in flight waits for it like a network error would."""
        if delivery.message_id is None:
            return SendResult(Verdict.TRANSIENT, reason="the message to edit is not sent yet")
        try:
            edit = EditMessageText(
                text=delivery.text,
                chat_id=delivery.chat_id,
                message_id=delivery.message_id,
                reply_markup=keyboard(delivery.buttons),
            )
            await past_pacing(self._bot, edit)
        except TelegramRetryAfter as error:
            return SendResult(Verdict.RETRY_AFTER, retry_after=float(error.retry_after))
        except TelegramForbiddenError as error:
            return SendResult(Verdict.UNREACHABLE, reason=error.message)
        except TelegramBadRequest as error:
            if NOT_MODIFIED in error.message.lower():  # it already reads so
                return SendResult(Verdict.SENT, message_id=delivery.message_id)
            return SendResult(Verdict.REJECTED, reason=error.message)
        except (TelegramNetworkError, TelegramServerError) as error:
            return SendResult(Verdict.TRANSIENT, reason=str(error))
        return SendResult(Verdict.SENT, message_id=delivery.message_id)


async def post(
    bot: Bot,
    chat_id: int,
    text: str,
    attachment: Attachment | None,
    buttons: Buttons = (),
    file: File | None = None,
) -> Message:
    """Sends a text, or a file (by its file id, or `file`) with the text as caption."""
    return await bot(message(chat_id, text, attachment, buttons, file))


def message(
    chat_id: int,
    text: str,
    attachment: Attachment | None,
    buttons: Buttons = (),
    file: File | None = None,
) -> SendMessage | SendPhoto | SendDocument:
    """The call that sends a text, or a file with the text as caption."""
    markup = keyboard(buttons)
    if attachment is None:
        return SendMessage(chat_id=chat_id, text=text, reply_markup=markup)
    caption, file = text or None, file or attachment.file_id
    if attachment.kind is AttachmentKind.PHOTO:
        return SendPhoto(chat_id=chat_id, photo=file, caption=caption, reply_markup=markup)
    return SendDocument(chat_id=chat_id, document=file, caption=caption, reply_markup=markup)


def keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    rows = [
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in buttons
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
