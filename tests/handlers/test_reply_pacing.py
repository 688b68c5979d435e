"""Handler replies keep to the rate limit too, and a 429 on a reply is waited out, not shown."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import SendMessage

from bot.app import create_bot, create_sender
from bot.domain.outbox import Delivery, Status
from bot.services.rate_limit import Pacer
from bot.telegram.pacing import rate_limit_of
from bot.telegram.transport import BotTransport
from tests.handlers.conftest import MORNING, Telegram, open_telegram
from tests.services.test_sender import FakeTime

NEWCOMER, OTHER = 9101, 9102


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
async def paced(tmp_path: Path, demo_parsed: Any, fake_time: FakeTime) -> AsyncIterator[Telegram]:
    """The bot whose every call keeps to a limiter on a clock that only moves when it waits."""
    telegram = await open_telegram(tmp_path / "bot.db", demo_parsed)
    pacer = Pacer(30.0, monotonic=fake_time.monotonic, sleep=fake_time.sleep)
    telegram.bot = create_bot(telegram.dispatcher["app"].settings, telegram.session, pacer)
    yield telegram
    await telegram.close()


async def test_a_429_on_a_reply_is_waited_out_and_the_user_gets_the_reply(
    paced: Telegram, fake_time: FakeTime
) -> None:
    expected = await paced.ask(OTHER, "/help")
    paced.session.throttle(SendMessage, 3)
    assert await paced.ask(NEWCOMER, "/help") == expected
    assert 3 in fake_time.slept  # everyone sharing the limit waited for retry_after


async def test_two_replies_to_one_chat_are_a_second_apart(
    paced: Telegram, fake_time: FakeTime
) -> None:
    await paced.ask(NEWCOMER, "/help")
    before = fake_time.now
    await paced.ask(NEWCOMER, "/help")
    assert fake_time.now - before == pytest.approx(1.0)


async def test_the_sender_keeps_to_the_limit_the_replies_keep_to(paced: Telegram) -> None:
    sender = create_sender(paced.dispatcher["app"], paced.bot)
    assert sender.pacer is rate_limit_of(paced.bot)
    assert sender.pacer is not None


async def test_the_outbox_transport_is_not_paced_a_second_time(
    paced: Telegram, fake_time: FakeTime
) -> None:
    transport = BotTransport(paced.bot)
    for number in (1, 2):
        delivery = Delivery(number, "broadcast:1", NEWCOMER, "公告", 10, Status.SENDING, 1, MORNING)
        await transport.send(delivery)
    assert len(paced.session.sent()) == 2
    assert fake_time.slept == []  # the sender waited for these slots; the session did not


async def test_a_call_telegram_keeps_refusing_reports_its_429_after_three_tries(
    paced: Telegram, fake_time: FakeTime
) -> None:
    paced.session.throttle(SendMessage, 1, 2, 4)
    with pytest.raises(TelegramRetryAfter):
        await paced.bot.send_message(NEWCOMER, "公告")
    assert [wait for wait in fake_time.slept if wait >= 1] == [1, 2]
    assert paced.session.throttled[SendMessage] == []
