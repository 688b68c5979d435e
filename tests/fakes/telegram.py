"""The network edge to Telegram, faked: every Bot API call is checked and recorded.

Calls are validated as Telegram would: the method model must round-trip through aiogram's own
pydantic model, texts fit 4096 characters, HTML uses only Telegram's tags and is well nested,
and callback data fits 64 bytes. A call that fails a check raises, so the test fails.
"""

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    PinChatMessage,
    SendDocument,
    SendMessage,
    SendPhoto,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, InlineKeyboardMarkup, Message, PhotoSize, User

from bot.sandbox.rules import CAPTION_LIMIT, BadRequestError, check_keyboard, check_text

EDITS = EditMessageText | EditMessageReplyMarkup
BOT_USER = User(id=42, is_bot=True, first_name="Contest Bot", username="contest_bot")


class InvalidCallError(AssertionError):
    """The bot made a call Telegram would refuse."""


class RecordingSession(BaseSession):
    """A session that never touches the network and answers like Telegram would."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self.refusals: dict[type[TelegramMethod[Any]], str] = {}
        self.throttled: dict[type[TelegramMethod[Any]], list[int]] = {}
        self._message_ids = itertools.count(1000)

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        type(method).model_validate(method.model_dump(warnings=False))
        if refusal := self.refusals.get(type(method)):
            raise TelegramBadRequest(method, refusal)
        if waits := self.throttled.get(type(method)):
            raise TelegramRetryAfter(method, "Too Many Requests", waits.pop(0))
        markup = getattr(method, "reply_markup", None)
        try:
            if isinstance(method, SendMessage | EditMessageText):
                # The bot's default parse mode is HTML (aiogram fills it in when sending).
                check_text(method.text, "HTML")
            if isinstance(method, SendPhoto | SendDocument) and method.caption:
                check_text(method.caption, "HTML", CAPTION_LIMIT)
            check_keyboard(markup.model_dump() if markup is not None else None)
        except BadRequestError as error:
            raise InvalidCallError(str(error)) from error
        self.calls.append(method)
        return self._result(method)  # type: ignore[return-value]

    def _result(self, method: TelegramMethod[Any]) -> object:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(
            method,
            SendMessage | SendPhoto | SendDocument | EditMessageText | EditMessageReplyMarkup,
        ):
            chat_id = int(getattr(method, "chat_id", 0) or 0)
            return Message(
                message_id=getattr(method, "message_id", None) or next(self._message_ids),
                date=datetime.now(UTC),
                chat=Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup"),
                from_user=BOT_USER,
                text=getattr(method, "text", None),
                caption=getattr(method, "caption", None),
                photo=self._photo(method) if isinstance(method, SendPhoto) else None,
                reply_markup=(
                    method.reply_markup
                    if isinstance(method.reply_markup, InlineKeyboardMarkup)
                    else None
                ),
            )
        if isinstance(method, AnswerCallbackQuery | SetMyCommands | DeleteMessage | PinChatMessage):
            return True
        raise InvalidCallError(f"the fake does not know {type(method).__name__}")

    def _photo(self, method: SendPhoto) -> list[PhotoSize]:
        """Telegram's sizes of a sent photo: an uploaded one gets a new file id."""
        file_id = method.photo if isinstance(method.photo, str) else f"photo{len(self.calls)}"
        return [PhotoSize(file_id=file_id, file_unique_id=file_id, width=1080, height=1080)]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise InvalidCallError("no downloads in tests")
        yield b""  # pragma: no cover

    async def close(self) -> None:
        return None

    def refuse(self, method: type[TelegramMethod[Any]], description: str) -> None:
        """From now on Telegram answers this kind of call with 400 and the description."""
        self.refusals[method] = description

    def throttle(self, method: type[TelegramMethod[Any]], *retry_after: int) -> None:
        """The next calls of this kind are answered 429, one for each `retry_after` given."""
        self.throttled.setdefault(method, []).extend(retry_after)

    def sent(self) -> list[SendMessage]:
        return [call for call in self.calls if isinstance(call, SendMessage)]
