"""The real dispatcher on the demo contest, fed real Update objects, with a fake network edge."""

import random
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import (
    CallbackQuery,
    Chat,
    ChatMemberUpdated,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from pydantic import SecretStr

from bot.app import create_bot, create_context, create_dispatcher
from bot.config import Settings
from bot.domain.contest import Person
from bot.domain.invites import ALPHABET, LENGTH
from bot.services.contest_import import import_contest
from bot.views import BotViews
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.fakes.telegram import BOT_USER, RecordingSession

SHANGHAI = ZoneInfo("Asia/Shanghai")
# The morning of the second day: theory exam at 08:30, showcase from 13:30.
MORNING = datetime(2024, 9, 26, 8, 0, tzinfo=SHANGHAI)
ORGANIZER, CONTESTANT, LEADER, JUDGE = 4001, 4002, 4003, 4004
JOINED = {ORGANIZER: "ORG1", CONTESTANT: "H07-1", LEADER: "H01-L", JUDGE: "J7"}  # J7 reads English


@dataclass
class Telegram:
    """Sends updates as users would and shows what the bot answered."""

    dispatcher: Dispatcher
    bot: Bot
    session: RecordingSession
    clock: FakeClock
    people: dict[str, Person]
    database: Database
    ids: Any = field(default_factory=lambda: count(1))

    def user(self, user_id: int, language: str = "zh-hans") -> User:
        return User(id=user_id, is_bot=False, first_name="用户", language_code=language)

    async def send(
        self, user_id: int, text: str | None, chat: Chat | None = None, **content: Any
    ) -> list[TelegramMethod[Any]]:
        """A message from the user: text, or other content (photo=…, caption=…), in their
        private chat or in `chat`."""
        number = next(self.ids)
        message = Message(
            message_id=number,
            date=self.clock.now(),
            chat=chat or Chat(id=user_id, type="private"),
            from_user=self.user(user_id),
            text=text,
            **content,
        )
        return await self._feed(Update(update_id=number, message=message))

    async def bot_status(self, user_id: int, chat: Chat, status: str) -> list[TelegramMethod[Any]]:
        """The user changed the bot's membership of a group: 'member', 'left', 'kicked'…"""
        number = next(self.ids)
        old = {"status": "member", "user": BOT_USER}
        new = {"status": status, "user": BOT_USER, "until_date": 0}
        change = ChatMemberUpdated.model_validate(
            {"chat": chat, "from": self.user(user_id), "date": self.clock.now(),
             "old_chat_member": old, "new_chat_member": new}
        )  # fmt: skip
        return await self._feed(Update(update_id=number, my_chat_member=change))

    async def press(
        self,
        user_id: int,
        data: str,
        message_id: int = 999,
        reply_markup: InlineKeyboardMarkup | None = None,
    ) -> list[TelegramMethod[Any]]:
        """A tap on a button of the message `message_id` (which shows `reply_markup`, as
        Telegram sends it, or no keyboard by default)."""
        number = next(self.ids)
        message = Message(
            message_id=message_id,
            date=self.clock.now(),
            chat=Chat(id=user_id, type="private"),
            from_user=BOT_USER,
            text="…",
            reply_markup=reply_markup,
        )
        query = CallbackQuery(
            id=str(number),
            from_user=self.user(user_id),
            chat_instance="chat",
            data=data,
            message=message,
        )
        return await self._feed(Update(update_id=number, callback_query=query))

    async def _feed(self, update: Update) -> list[TelegramMethod[Any]]:
        before = len(self.session.calls)
        await self.dispatcher.feed_update(self.bot, update)
        return self.session.calls[before:]

    async def ask(self, user_id: int, text: str) -> str:
        """The text of the single message the bot sends in reply."""
        replies = [call for call in await self.send(user_id, text) if isinstance(call, SendMessage)]
        assert len(replies) == 1, replies
        return replies[0].text

    async def join(self, user_id: int, person_code: str) -> None:
        code = self.people[person_code].invite_code
        await self.send(user_id, f"/start {code}")

    async def join_all(self) -> "Telegram":
        """The organizer, contestant, leader and judge of JOINED, joined."""
        for user_id, code in JOINED.items():
            await self.join(user_id, code)
        return self

    async def close(self) -> None:
        await self.dispatcher.storage.close()
        await self.database.close()


def invite_codes(seed: int = 7) -> Any:
    rng = random.Random(seed)
    return lambda: "".join(rng.choice(ALPHABET) for _ in range(LENGTH))


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a test tried to reach the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


async def open_telegram(path: Path, demo_parsed: Any, **settings: Any) -> Telegram:
    """The bot on the demo contest in a fresh SQLite file at `path` (or the empty database at
    `database_url`), built with `settings`."""
    url = settings.pop("database_url", f"sqlite+aiosqlite:///{path}")
    database = await Database.open(url)
    await import_contest(
        database.unit_of_work, *demo_parsed, new_invite_code=invite_codes(), views=BotViews()
    )
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    configured = Settings(bot_token=SecretStr("42:TEST"), database_url=url, **settings)
    session = RecordingSession()
    clock = FakeClock(MORNING)
    bot = create_bot(configured, session)
    dispatcher = create_dispatcher(create_context(configured, database, clock))
    return Telegram(dispatcher, bot, session, clock, {p.code: p for p in data.people}, database)


@pytest.fixture
async def telegram(tmp_path: Path, demo_parsed: Any) -> AsyncIterator[Telegram]:
    opened = await open_telegram(tmp_path / "bot.db", demo_parsed)
    yield opened
    await opened.close()


@pytest.fixture
async def joined(telegram: Telegram) -> Telegram:
    """The demo contest with an organizer, a contestant, a leader and a judge (in English)."""
    return await telegram.join_all()
