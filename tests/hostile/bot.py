"""The real bot on the demo contest, joined by its cast, fed hand-built (hostile) updates.

SQLite cases copy one prepared database file per test, so hundreds of cases stay fast;
PostgreSQL cases empty the test database and import the demo afresh.
"""

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest.mock import patch

from aiogram.methods import TelegramMethod
from aiogram.types import Chat, Update, User
from pydantic import SecretStr

from bot.app import create_bot, create_context, create_dispatcher
from bot.config import Settings
from bot.domain.snapshot import ContestSnapshot
from bot.services.contest_cache import ContestCache
from bot.services.contest_import import import_contest
from bot.services.ports import Clock
from bot.views import BotViews
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.fakes.telegram import RecordingSession
from tests.handlers.conftest import (
    CONTESTANT,
    JOINED,
    JUDGE,
    LEADER,
    MORNING,
    ORGANIZER,
    Telegram,
    invite_codes,
)

STRANGER = 4999  # started nothing, holds no code
ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: every anonymous admin of every group
SERVICE = 777000  # Telegram's service account (channel posts forwarded to a linked group)
CHANNEL_BOT = 136817688  # the user Telegram puts on messages sent on behalf of a channel
CAST = {
    "organizer": ORGANIZER,
    "contestant": CONTESTANT,
    "leader": LEADER,
    "judge": JUDGE,
    "stranger": STRANGER,
}
GROUP = Chat(id=-1001000000001, type="supergroup", title="H07 加油")
OTHER_GROUP = Chat(id=-1001000000002, type="supergroup", title="别的群")
CHANNEL = Chat(id=-1001000000003, type="channel", title="频道")


@dataclass
class Outcome:
    """An update fed to the dispatcher and every Bot API call the bot made for it."""

    update: Update
    calls: list[TelegramMethod[Any]]


async def prepare_demo(url: str) -> None:
    """Imports the demo at `url` and joins the cast of JOINED, as `/start <code>` does."""
    hostile = await open_hostile(url, fresh=True)
    try:
        await hostile.join_all()
        # Each case is a run of its own, numbering its updates from 1 again: the joins' update
        # ids are no copies of its updates.
        async with hostile.database.unit_of_work() as uow:
            await uow.handled_updates.forget_before(datetime.max.replace(tzinfo=UTC))
    finally:
        await hostile.close()


class PreparedContest(ContestCache):
    """The contest cache, holding the prepared demo from the start: building the snapshot is
    most of a case's time otherwise. It still checks the revision before its first answer."""

    def __init__(self, clock: Clock, snapshot: ContestSnapshot) -> None:
        super().__init__(clock)
        self._snapshot = snapshot


async def open_hostile(
    url: str, fresh: bool = False, snapshot: ContestSnapshot | None = None
) -> Telegram:
    """The bot on the database at `url`: a fresh one is migrated and given the demo; any other
    is a copy of one that was (whose snapshot, if given, the bot starts with)."""
    database = await Database.open(url, migrate=fresh)
    if fresh:
        await import_contest(
            database.unit_of_work, *demo(), new_invite_code=invite_codes(), views=BotViews()
        )
    if snapshot is None:
        snapshot = await load_snapshot(database)
    configured = Settings(bot_token=SecretStr("42:TEST"), database_url=url)
    session = RecordingSession()
    clock = FakeClock(MORNING)
    bot = create_bot(configured, session)
    prepared = PreparedContest(clock, snapshot)
    with patch("bot.app.ContestCache", lambda clock: prepared):
        context = create_context(configured, database, clock)
    dispatcher = create_dispatcher(context)
    people = {p.code: p for p in snapshot.data.people}
    return Telegram(dispatcher, bot, session, clock, people, database)


async def load_snapshot(database: Database) -> ContestSnapshot:
    async with database.unit_of_work() as uow:
        data, revision = await uow.contest.load(), await uow.contest.revision()
    assert data is not None
    assert revision is not None
    return ContestSnapshot.build(data, revision)


async def prepared_snapshot(url: str) -> ContestSnapshot:
    database = await Database.open(url, migrate=False)
    try:
        return await load_snapshot(database)
    finally:
        await database.close()


def copy_database(template: Path, target: Path) -> str:
    shutil.copyfile(template, target)
    return f"sqlite+aiosqlite:///{target}"


def demo() -> Any:
    from bot.demo.contest import demo_document
    from bot.formats.parse import parse_document
    from bot.formats.yaml_reader import document_from_mapping

    return parse_document(document_from_mapping(demo_document()))


def user(user_id: int, language: str = "zh-hans", is_bot: bool = False) -> User:
    return User(id=user_id, is_bot=is_bot, first_name="用户", language_code=language)


async def feed(telegram: Telegram, update: Update) -> Outcome:
    """Feeds `update` through the real dispatcher; an exception escaping it fails the test."""
    before = len(telegram.session.calls)
    await telegram.dispatcher.feed_update(telegram.bot, update)
    return Outcome(update, telegram.session.calls[before:])


__all__ = ["CONTESTANT", "JOINED", "JUDGE", "LEADER", "ORGANIZER", "Telegram"]
