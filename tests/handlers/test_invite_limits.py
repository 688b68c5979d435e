"""Guessing invite codes from many accounts, through the dispatcher."""

from datetime import timedelta

from bot.domain.invite_limits import OVERALL_FAILURES
from tests.handlers.conftest import Telegram

OWNER = 7001
GUESSERS = range(8000, 8000 + OVERALL_FAILURES)


async def guessed_from_many_accounts(telegram: Telegram) -> None:
    for user in GUESSERS:
        assert "不匹配" in await telegram.ask(user, "/start WRONG234")


async def test_after_a_minutes_budget_of_wrong_codes_everyone_is_told_to_wait(
    telegram: Telegram,
) -> None:
    await guessed_from_many_accounts(telegram)
    reply = await telegram.ask(OWNER, f"/start {telegram.people['H07-1'].invite_code}")
    assert reply == "当前尝试次数过多，请 1 分钟后再试。"


async def test_the_rightful_owner_binds_once_the_minute_is_over(telegram: Telegram) -> None:
    await guessed_from_many_accounts(telegram)
    telegram.clock.advance(timedelta(minutes=1))
    person = telegram.people["H07-1"]
    assert f"欢迎，{person.name}！" in await telegram.ask(OWNER, f"/start {person.invite_code}")
