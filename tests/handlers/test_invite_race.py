"""Two accounts redeem the same invite at once: one is welcomed, the other only refused."""

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.methods import SendMessage
from pydantic import SecretStr

from bot.app import create_bot, create_context, create_dispatcher
from bot.config import Settings
from bot.domain.draft import ContestDraft
from bot.domain.enums import Locale
from bot.domain.problems import Problem
from bot.services.contest_import import import_contest
from bot.texts.onboarding import INVITE_TAKEN
from bot.texts.texts import Texts
from bot.views import BotViews
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.fakes.telegram import RecordingSession
from tests.handlers.conftest import MORNING, SHANGHAI, Telegram, invite_codes

ALICE, BOB = 1001, 1002
LOCAL = ("127.0.0.1", "::1", "localhost")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telegram is faked; only the local test database may be reached."""
    connect = socket.socket.connect

    def local_only(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple) and address[0] not in LOCAL:
            raise AssertionError(f"a test tried to reach the network: {address}")
        connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", local_only)


@pytest.fixture
async def on_each_database(
    database_url: str, demo_parsed: tuple[ContestDraft, list[Problem]]
) -> AsyncIterator[Telegram]:
    """The bot on the demo contest, once on SQLite and once on PostgreSQL (when configured)."""
    database = await Database.open(database_url)
    await import_contest(
        database.unit_of_work, *demo_parsed, new_invite_code=invite_codes(), views=BotViews()
    )
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    settings = Settings(bot_token=SecretStr("42:TEST"), database_url=database_url)
    session, clock = RecordingSession(), FakeClock(MORNING)
    dispatcher = create_dispatcher(create_context(settings, database, clock))
    people = {p.code: p for p in data.people}
    telegram = Telegram(dispatcher, create_bot(settings, session), session, clock, people, database)
    yield telegram
    await telegram.close()


async def test_the_loser_of_a_same_code_race_sees_only_the_refusal(
    on_each_database: Telegram,
) -> None:
    telegram, person = on_each_database, on_each_database.people["H07-1"]
    for user_id in (ALICE, BOB):  # both accounts exist, so both go straight to binding
        await telegram.send(user_id, "/start")
    start = f"/start {person.invite_code}"
    before = len(telegram.session.calls)
    await asyncio.gather(telegram.send(ALICE, start), telegram.send(BOB, start))
    calls = [call for call in telegram.session.calls[before:] if isinstance(call, SendMessage)]
    said = {user: [c.text for c in calls if c.chat_id == user] for user in (ALICE, BOB)}
    welcomed = [user for user in said if any(person.name in text for text in said[user])]
    assert len(welcomed) == 1, said
    [loser] = [texts for user, texts in said.items() if user not in welcomed]
    assert loser == [Texts(Locale.ZH_HANS, SHANGHAI)(INVITE_TAKEN)]
