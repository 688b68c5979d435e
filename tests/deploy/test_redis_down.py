"""Redis down while the bot runs: updates that need no dialogue are still answered, a dialogue
step is asked to wait a minute, and nothing crashes. The real dispatcher, a closed port."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.domain.enums import Locale
from bot.texts.texts import Texts
from handlers.busy.router import BUSY
from tests.handlers.conftest import CONTESTANT, ORGANIZER, Telegram, open_telegram

CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture
async def without_redis(tmp_path: Path, demo_parsed: Any) -> AsyncIterator[Telegram]:
    telegram = await open_telegram(tmp_path / "bot.db", demo_parsed, redis_url=CLOSED_PORT)
    yield telegram
    await telegram.close()


def busy(telegram: Telegram) -> str:
    return Texts(Locale.ZH_HANS, telegram.dispatcher["app"].zone)(BUSY)


async def test_joining_by_invite_link_needs_no_dialogue_and_works(without_redis: Telegram) -> None:
    code = without_redis.people["H07-1"].invite_code
    welcome = await without_redis.ask(CONTESTANT, f"/start {code}")
    assert without_redis.people["H07-1"].name in welcome


async def test_a_question_that_needs_no_dialogue_is_answered(without_redis: Telegram) -> None:
    await without_redis.join_all()
    reply = await without_redis.ask(CONTESTANT, "/help")
    assert reply != busy(without_redis)
    assert reply


async def test_a_dialogue_step_is_asked_to_try_again_in_a_minute(without_redis: Telegram) -> None:
    await without_redis.join_all()
    assert await without_redis.ask(ORGANIZER, "/broadcast") == busy(without_redis)


async def test_a_dialogue_refused_leaves_nothing_half_done(without_redis: Telegram) -> None:
    await without_redis.join_all()
    await without_redis.send(ORGANIZER, "/broadcast")
    reply = await without_redis.ask(ORGANIZER, "下午两点在大厅集合")
    assert "英文" not in reply  # no draft went on to its English version
