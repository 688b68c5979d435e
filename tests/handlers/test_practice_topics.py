"""/practice by topic: the topics of the person's bank as buttons, and questions of one topic."""

import logging
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod

from bot.domain.contest import ContestData
from bot.domain.questions import Question
from bot.texts.texts import html
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, ORGANIZER, Telegram

# The demo bank's topics, sorted: a button names a topic by its place in this list.
TOPICS = [
    "优化营商环境条例",
    "在线政务服务",
    "好差评",
    "接诉即办",
    "热线110联动",
    "热线归并",
    "热线标准",
    "跨省通办",
    "辽宁12345",
    "辽宁营商环境条例",
    "高效办成一件事",
]


async def contest(joined: Telegram) -> ContestData:
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return data


async def asked(joined: Telegram, calls: list[TelegramMethod[Any]]) -> Question:
    """The question in the last message the bot sent."""
    text = sent(calls)[-1].text
    (question,) = [q for q in (await contest(joined)).questions if html(q.stem) in text]
    return question


async def topic_list(joined: Telegram, user_id: int = CONTESTANT) -> list[TelegramMethod[Any]]:
    menu = await joined.send(user_id, "/practice")
    return await joined.press(user_id, button(menu, "按知识点"))


async def test_the_practice_menu_offers_practice_by_topic(joined: Telegram) -> None:
    menu = await joined.send(CONTESTANT, "/practice")
    assert sent(menu)[0].text == "想练习哪类题目？"
    assert buttons(menu)["按知识点…"] == "pt"


async def test_by_topic_lists_the_topics_of_the_bank_in_order(joined: Telegram) -> None:
    calls = await topic_list(joined)
    assert [type(call) for call in calls] == [AnswerCallbackQuery, SendMessage]
    assert sent(calls)[0].text == "练习哪个知识点？"
    assert buttons(calls) == {topic: f"pk:t{index}" for index, topic in enumerate(TOPICS)}


async def test_the_topics_come_two_to_a_row(joined: Telegram) -> None:
    (listed,) = sent(await topic_list(joined))
    markup = listed.reply_markup
    assert markup is not None
    assert [len(row) for row in markup.inline_keyboard] == [2, 2, 2, 2, 2, 1]  # type: ignore[union-attr]


@pytest.mark.parametrize("topic", ["跨省通办", "热线110联动", "好差评"])
async def test_a_topic_button_asks_only_questions_of_that_topic(
    joined: Telegram, topic: str
) -> None:
    data = button(await topic_list(joined), topic)
    for _ in range(6):
        question = await asked(joined, await joined.press(CONTESTANT, data))
        assert topic in question.topics, (question.code, question.topics)


async def test_the_next_question_button_stays_on_the_topic(joined: Telegram) -> None:
    data = button(await topic_list(joined), "跨省通办")
    calls = await joined.press(CONTESTANT, data)
    question = await asked(joined, calls)
    if question.options or question.truth is not None:  # a tap answers it
        calls = await joined.press(CONTESTANT, next(iter(buttons(calls).values())))
    else:
        calls = await joined.send(CONTESTANT, "不知道")
    assert button(calls, "下一题") == data


async def test_a_topic_question_is_of_the_persons_track_or_of_every_track(
    joined: Telegram,
) -> None:
    data = button(await topic_list(joined), "热线110联动")
    for _ in range(8):
        question = await asked(joined, await joined.press(CONTESTANT, data))
        assert question.track_code in (None, "12345")


@pytest.mark.parametrize("forged", ["pk:t11", "pk:t99999", "pk:t-1", "pk:tx", "pk:t", "pk:zzz"])
async def test_a_forged_or_vanished_topic_is_a_stale_button(
    joined: Telegram, forged: str, caplog: pytest.LogCaptureFixture
) -> None:
    assert is_alert(await joined.press(CONTESTANT, forged))
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.mark.parametrize("user_id", [JUDGE, ORGANIZER])
async def test_a_forged_topics_button_from_someone_not_practising_is_stale(
    joined: Telegram, user_id: int
) -> None:
    assert is_alert(await joined.press(user_id, "pt"))
