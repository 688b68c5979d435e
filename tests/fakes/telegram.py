"""The network edge to Telegram, faked: every Bot API call is checked and recorded.

Calls are validated as Telegram would: the method model must round-trip through aiogram's own
pydantic model, texts fit 4096 characters, HTML uses only Telegram's tags and is well nested,
and callback data fits 64 bytes. A call that fails a check raises, so the test fails.
"""

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendMessage,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, InlineKeyboardMarkup, Message, User

BOT_USER = User(id=42, is_bot=True, first_name="Contest Bot", username="contest_bot")
TEXT_LIMIT = 4096
CALLBACK_LIMIT = 64
TELEGRAM_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip


class InvalidCallError(AssertionError):
    """The bot made a call Telegram would refuse."""


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            raise InvalidCallError(f"unsupported HTML tag <{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            raise InvalidCallError(f"badly nested HTML at </{tag}>")


def check_html(text: str) -> None:
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    if checker.open:
        raise InvalidCallError(f"unclosed HTML tags {checker.open}")


def check_markup(markup: object) -> None:
    if isinstance(markup, InlineKeyboardMarkup):
        for row in markup.inline_keyboard:
            for button in row:
                data = button.callback_data or ""
                if len(data.encode()) > CALLBACK_LIMIT:
                    raise InvalidCallError(f"callback data over {CALLBACK_LIMIT} bytes: {data!r}")


class RecordingSession(BaseSession):
    """A session that never touches the network and answers like Telegram would."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self._message_ids = itertools.count(1000)

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        type(method).model_validate(method.model_dump(warnings=False))
        text = getattr(method, "text", None)
        if isinstance(text, str):
            if not text.strip():
                raise InvalidCallError("message text is empty")
            if len(text) > TEXT_LIMIT:
                raise InvalidCallError(f"message text of {len(text)} characters")
            check_html(text)
        check_markup(getattr(method, "reply_markup", None))
        self.calls.append(method)
        return self._result(method)  # type: ignore[return-value]

    def _result(self, method: TelegramMethod[Any]) -> object:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendMessage | EditMessageText | EditMessageReplyMarkup):
            chat_id = int(getattr(method, "chat_id", 0) or 0)
            return Message(
                message_id=getattr(method, "message_id", None) or next(self._message_ids),
                date=datetime.now(UTC),
                chat=Chat(id=chat_id, type="private"),
                from_user=BOT_USER,
                text=getattr(method, "text", None),
                reply_markup=(
                    method.reply_markup
                    if isinstance(method.reply_markup, InlineKeyboardMarkup)
                    else None
                ),
            )
        if isinstance(method, AnswerCallbackQuery | SetMyCommands | DeleteMessage):
            return True
        raise InvalidCallError(f"the fake does not know {type(method).__name__}")

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

    def sent(self) -> list[SendMessage]:
        return [call for call in self.calls if isinstance(call, SendMessage)]
