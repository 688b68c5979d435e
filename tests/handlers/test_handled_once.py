"""Each update is handled once: a second delivery of the same update_id, to the same instance
or to another one sharing the database (or Redis), is dropped without a word."""

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Chat, Message, Update
from redis.asyncio import Redis

from bot.app import create_context, create_dispatcher
from tests.conftest import NO_POSTGRES, POSTGRES_URL, _reset_postgres
from tests.handlers.conftest import CONTESTANT, Telegram, open_telegram

REDIS_URL = os.environ.get("TEST_REDIS_URL")
NO_REDIS = "TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/15)"


@pytest.fixture(autouse=True)
def no_network() -> None:
    """The harness's guard is lifted: the local PostgreSQL and Redis are part of these tests
    (Telegram is still the recording session)."""


@pytest.fixture(params=["sqlite", "postgres", "sqlite+redis"])
async def telegram(
    request: pytest.FixtureRequest, tmp_path: Path, demo_parsed: Any
) -> AsyncIterator[Telegram]:
    """The joined demo on a database, with or without Redis for the record."""
    settings: dict[str, Any] = {}
    if request.param == "postgres":
        if not POSTGRES_URL:
            pytest.skip(NO_POSTGRES)
        _reset_postgres(POSTGRES_URL)
        settings["database_url"] = POSTGRES_URL
    if request.param == "sqlite+redis":
        if not REDIS_URL:
            pytest.skip(NO_REDIS)
        client = Redis.from_url(REDIS_URL)
        await client.flushdb()
        await client.aclose()
        settings["redis_url"] = REDIS_URL
    opened = await open_telegram(tmp_path / "bot.db", demo_parsed, **settings)
    yield await opened.join_all()
    await opened.close()


def schedule_question(telegram: Telegram) -> Update:
    number = next(telegram.ids)
    message = Message(
        message_id=number,
        date=telegram.clock.now(),
        chat=Chat(id=CONTESTANT, type="private"),
        from_user=telegram.user(CONTESTANT),
        text="/next",
    )
    return Update(update_id=number, message=message)


async def replies(telegram: Telegram, update: Update) -> list[SendMessage]:
    before = len(telegram.session.calls)
    await telegram.dispatcher.feed_update(telegram.bot, update)
    return [call for call in telegram.session.calls[before:] if isinstance(call, SendMessage)]


async def test_an_update_delivered_twice_is_answered_once(telegram: Telegram) -> None:
    update = schedule_question(telegram)
    assert len(await replies(telegram, update)) == 1
    assert await replies(telegram, update) == []


async def test_the_next_update_is_answered_after_a_copy_was_dropped(telegram: Telegram) -> None:
    first = schedule_question(telegram)
    await replies(telegram, first)
    await replies(telegram, first)
    assert len(await replies(telegram, schedule_question(telegram))) == 1


async def test_two_instances_given_the_same_update_answer_it_once(telegram: Telegram) -> None:
    app = telegram.dispatcher["app"]
    other = create_dispatcher(create_context(app.settings, telegram.database, app.clock))
    update = schedule_question(telegram)
    try:
        answered = len(await replies(telegram, update))
        telegram.dispatcher, mine = other, telegram.dispatcher
        answered += len(await replies(telegram, update))
        telegram.dispatcher = mine
    finally:
        await other.storage.close()
    assert answered == 1
