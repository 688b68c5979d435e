"""Updates as Telegram sends them, built by hand so each can be made hostile."""

from datetime import timedelta
from typing import Any

from aiogram.types import CallbackQuery, Chat, Message, Update, User

from tests.fakes.telegram import BOT_USER
from tests.handlers.conftest import Telegram
from tests.hostile.bot import user


def number(telegram: Telegram) -> int:
    value: int = next(telegram.ids)
    return value


def message(
    telegram: Telegram,
    sender: User | None,
    text: str | None,
    chat: Chat | None = None,
    **content: Any,
) -> Message:
    """A message from `sender` in `chat` (their private chat by default)."""
    assert sender is not None or chat is not None
    n = number(telegram)
    return Message(
        message_id=n,
        date=telegram.clock.now() + timedelta(seconds=n),
        chat=chat or Chat(id=sender.id if sender else 0, type="private"),
        from_user=sender,
        text=text,
        **content,
    )


def text_update(
    telegram: Telegram, user_id: int, text: str, chat: Chat | None = None, **content: Any
) -> Update:
    found = message(telegram, user(user_id), text, chat, **content)
    return Update(update_id=found.message_id, message=found)


def press_update(
    telegram: Telegram, user_id: int, data: str | None, chat: Chat | None = None
) -> Update:
    """A tap on a button with `data` under one of the bot's messages."""
    n = number(telegram)
    shown = Message(
        message_id=999,
        date=telegram.clock.now(),
        chat=chat or Chat(id=user_id, type="private"),
        from_user=BOT_USER,
        text="…",
    )
    query = CallbackQuery(
        id=f"q{n}", from_user=user(user_id), chat_instance="chat", data=data, message=shown
    )
    return Update(update_id=n, callback_query=query)
