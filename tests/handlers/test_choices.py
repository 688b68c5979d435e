"""A keyboard that offers one choice stops working once the choice is made: its buttons are
taken away, and a second press (a double tap, or a copy still showing them) is answered
"already handled". Toggles (follow, daily set, leaderboard) say so when the pressed choice
is already in effect."""

from typing import Any

from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    SendMessage,
    TelegramMethod,
)
from aiogram.types import InlineKeyboardMarkup

from bot.domain.enums import Locale
from bot.texts.texts import Texts
from handlers.choices import HandledChoices
from handlers.follows.callbacks import FollowButton
from handlers.key_reports.callbacks import ReportKey
from handlers.leaderboard.callbacks import LeaderboardButton
from handlers.queries import ALREADY_HANDLED
from tests.handlers.broadcasting import button, buttons
from tests.handlers.conftest import CONTESTANT, SHANGHAI, Telegram

Calls = list[TelegramMethod[Any]]
HANDLED = Texts(Locale.ZH_HANS, SHANGHAI)(ALREADY_HANDLED)
MENU_MESSAGE = 5000


def keyboard(calls: Calls) -> InlineKeyboardMarkup:
    """The keyboard of the last message in `calls` that has one."""
    markups = [
        markup
        for c in calls
        if isinstance(markup := getattr(c, "reply_markup", None), InlineKeyboardMarkup)
    ]
    assert markups, calls
    markup = markups[-1]
    assert isinstance(markup, InlineKeyboardMarkup)
    return markup


async def tap(telegram: Telegram, shown: Calls, label: str) -> Calls:
    """A tap on the button starting with `label`, on the message as Telegram shows it."""
    return await telegram.press(
        CONTESTANT, button(shown, label), MENU_MESSAGE, reply_markup=keyboard(shown)
    )


def closed(calls: Calls) -> bool:
    edits = [c for c in calls if isinstance(c, EditMessageReplyMarkup)]
    return len(edits) == 1 and edits[0].reply_markup is None


def answered_handled(calls: Calls, text: str = HANDLED) -> bool:
    return [type(c) for c in calls] == [AnswerCallbackQuery] and (
        calls[0].text == text and calls[0].show_alert is True  # type: ignore[attr-defined]
    )


def alert(calls: Calls) -> AnswerCallbackQuery:
    (answer,) = [c for c in calls if isinstance(c, AnswerCallbackQuery)]
    return answer


async def test_choosing_a_language_takes_the_buttons_away(joined: Telegram) -> None:
    shown = await joined.send(CONTESTANT, "/language")
    assert closed(await tap(joined, shown, "English"))


async def test_a_second_press_on_the_language_choice_is_already_handled(
    joined: Telegram,
) -> None:
    shown = await joined.send(CONTESTANT, "/language")
    await tap(joined, shown, "English")
    in_english = Texts(Locale.EN, SHANGHAI)(ALREADY_HANDLED)
    assert answered_handled(await tap(joined, shown, "简体中文"), in_english)


async def test_a_menu_suggestion_answers_once(joined: Telegram) -> None:
    shown = await joined.send(CONTESTANT, "嗯嗯嗯")
    first = await tap(joined, shown, "今天")
    assert closed(first)
    assert any(isinstance(c, SendMessage) for c in first)
    assert answered_handled(await tap(joined, shown, "今天"))


async def test_the_practice_menu_asks_one_question_per_message(joined: Telegram) -> None:
    shown = await joined.send(CONTESTANT, "/practice")
    first = await tap(joined, shown, "单选题")
    assert closed(first)
    assert answered_handled(await tap(joined, shown, "判断题"))


async def test_next_question_goes_away_but_reporting_the_key_stays(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, button(await joined.send(CONTESTANT, "/practice"),
                                                  "判断题"))  # fmt: skip
    feedback = await joined.press(CONTESTANT, button(calls, "✓ 对"))
    after = await tap(joined, feedback, "下一题")
    (edit,) = [c for c in after if isinstance(c, EditMessageReplyMarkup)]
    assert edit.reply_markup is not None
    (left,) = [b.callback_data for row in edit.reply_markup.inline_keyboard for b in row]
    assert left is not None
    assert left.startswith(f"{ReportKey.__prefix__}:")
    assert answered_handled(await tap(joined, feedback, "下一题"))


async def test_following_twice_is_already_handled_and_stays_followed(joined: Telegram) -> None:
    data = FollowButton(track=1, follow=True).pack()
    first = await joined.press(CONTESTANT, data)
    again = await joined.press(CONTESTANT, data)
    assert alert(first).text != HANDLED
    assert (alert(again).text, alert(again).show_alert) == (HANDLED, True)
    assert buttons(again) == buttons(first)


async def test_joining_the_board_twice_is_already_handled(joined: Telegram) -> None:
    data = LeaderboardButton(join=True).pack()
    await joined.press(CONTESTANT, data)
    assert alert(await joined.press(CONTESTANT, data)).text == HANDLED


def test_a_message_is_claimed_once() -> None:
    choices = HandledChoices()
    assert [choices.claim(1, 10), choices.claim(1, 10), choices.claim(1, 11)] == [True, False, True]


def test_the_oldest_claims_are_forgotten_past_the_limit() -> None:
    choices = HandledChoices(limit=2)
    for message in (1, 2, 3):
        choices.claim(7, message)
    assert choices.claim(7, 1) is True
    assert choices.claim(7, 3) is False
