"""Helpers for the broadcast dialogue's tests: buttons, the draft, the outbox."""

from typing import Any, cast

from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardMarkup

from bot.domain.outbox import Status
from storage.database import Database
from tests.handlers.conftest import ORGANIZER, Telegram


def database(telegram: Telegram) -> Database:
    return telegram.database


def sent(calls: list[TelegramMethod[Any]]) -> list[SendMessage]:
    return [call for call in calls if isinstance(call, SendMessage)]


def buttons(calls: list[TelegramMethod[Any]]) -> dict[str, str]:
    """Label → callback data of the buttons under the last message that has any."""
    for call in reversed(calls):
        markup = getattr(call, "reply_markup", None)
        if isinstance(markup, InlineKeyboardMarkup):
            return {b.text: b.callback_data or "" for row in markup.inline_keyboard for b in row}
    raise AssertionError(f"no buttons in {calls}")


def button(calls: list[TelegramMethod[Any]], starting: str) -> str:
    found = [data for label, data in buttons(calls).items() if label.startswith(starting)]
    assert len(found) == 1, (starting, buttons(calls))
    return found[0]


def is_alert(calls: list[TelegramMethod[Any]]) -> bool:
    if [type(call) for call in calls] != [AnswerCallbackQuery]:
        return False
    return cast(AnswerCallbackQuery, calls[0]).show_alert is True


async def draft(
    telegram: Telegram, text: str = "请各位<b>09:00</b>前到场", english: str | None = None
) -> list[TelegramMethod[Any]]:
    """/broadcast, the text and the English version (or Skip): the audience buttons."""
    await telegram.send(ORGANIZER, "/broadcast")
    calls = await telegram.send(ORGANIZER, text)
    if english is None:
        return await telegram.press(ORGANIZER, button(calls, "跳过"))
    return await telegram.send(ORGANIZER, english)


async def to_preview(
    telegram: Telegram, audience: str, when: str = "立即发送", **kwargs: str
) -> list[TelegramMethod[Any]]:
    calls = await draft(telegram, **kwargs)
    calls = await telegram.press(ORGANIZER, button(calls, audience))
    return await telegram.press(ORGANIZER, button(calls, when))


async def outbox(telegram: Telegram, broadcast_id: int = 1) -> dict[Status, int]:
    async with database(telegram).unit_of_work() as uow:
        return dict(await uow.outbox.report(f"broadcast:{broadcast_id}"))
