"""With REDIS_URL, a dialogue in progress lives in Redis: it survives a restart of the bot."""

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiogram.fsm.storage.memory import MemoryStorage
from redis.asyncio import Redis

from bot.app import DIALOGUE_TTL, create_context, create_dispatcher, create_storage
from bot.config import Settings
from tests.handlers.conftest import CONTESTANT, ORGANIZER, Telegram, open_telegram
from tests.handlers.test_practice import ask, feedback

REDIS_URL = os.environ.get("TEST_REDIS_URL")
needs_redis = pytest.mark.skipif(
    not REDIS_URL, reason="TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/15)"
)


@pytest.fixture(autouse=True)
def no_network() -> None:
    """The harness's guard is lifted here: the local Redis is part of these tests (Telegram is
    still the recording session)."""


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    assert REDIS_URL is not None
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()  # the test database of Redis, emptied
    yield client
    await client.aclose()


@pytest.fixture
async def joined(tmp_path: Path, demo_parsed: Any, redis: Redis) -> AsyncIterator[Telegram]:
    telegram = await open_telegram(tmp_path / "bot.db", demo_parsed, redis_url=REDIS_URL)
    yield await telegram.join_all()
    await telegram.close()


async def restart(telegram: Telegram) -> None:
    """A new dispatcher and storage (as after a restart of the app), the same database."""
    app, before = telegram.dispatcher["app"], telegram.dispatcher
    telegram.dispatcher = create_dispatcher(
        create_context(app.settings, telegram.database, app.clock)
    )
    await before.storage.close()


def test_without_a_redis_url_dialogues_are_kept_in_memory() -> None:
    assert isinstance(create_storage(Settings(redis_url=None)), MemoryStorage)


@needs_redis
async def test_an_answer_being_typed_is_graded_after_a_restart(joined: Telegram) -> None:
    question, _ = await ask(joined, "填空题")
    await restart(joined)
    typed = "；".join(blank[0] for blank in question.blanks)
    assert feedback(await joined.send(CONTESTANT, typed)).startswith("✅")


@needs_redis
async def test_a_draft_announcement_survives_a_restart(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/broadcast")
    await restart(joined)
    after = await joined.ask(ORGANIZER, "下午两点在大厅集合")
    assert "英文" in after  # the dialogue goes on to the English version


@needs_redis
async def test_a_forgotten_dialogue_expires(joined: Telegram, redis: Redis) -> None:
    await ask(joined, "填空题")
    keys = [key async for key in redis.scan_iter("contest-assistant:*")]
    assert keys
    for key in keys:
        assert 0 < await redis.ttl(key) <= DIALOGUE_TTL.total_seconds()
