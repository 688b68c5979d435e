"""No practice while the theory exam runs (08:30–10:00 on the 26th) or a lockdown is on."""

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, TelegramMethod

from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, SHANGHAI, Telegram, open_telegram

DURING = datetime(2024, 9, 26, 9, 0, tzinfo=SHANGHAI)
EXAM_ENDS = datetime(2024, 9, 26, 10, 0, tzinfo=SHANGHAI)
PAUSED = "理论考试进行中，练习暂停；9月26日周四 10:00 恢复。"
MENU = "想练习哪类题目？"


def alert(calls: list[TelegramMethod[Any]]) -> str | None:
    assert is_alert(calls), calls
    (answered,) = calls
    assert isinstance(answered, AnswerCallbackQuery)
    return answered.text


async def reply(joined: Telegram, text: str) -> str:
    (message,) = sent(await joined.send(CONTESTANT, text))
    return message.text


async def answers(joined: Telegram) -> int:
    async with database(joined).unit_of_work() as uow:
        return len(await uow.practice.history(joined.people["H07-1"].id or 0))


# --- the theory exam -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/practice", "/review", "/mistakes", "/exam"])
async def test_a_practice_command_is_refused_while_the_exam_runs(
    joined: Telegram, command: str
) -> None:
    joined.clock.moment = DURING
    assert await reply(joined, command) == PAUSED


async def test_practice_is_refused_from_the_exams_first_minute(joined: Telegram) -> None:
    joined.clock.moment = datetime(2024, 9, 26, 8, 30, tzinfo=SHANGHAI)
    assert await reply(joined, "/practice") == PAUSED


async def test_practice_opens_again_when_the_exam_ends(joined: Telegram) -> None:
    joined.clock.moment = datetime(2024, 9, 26, 9, 59, tzinfo=SHANGHAI)
    assert await reply(joined, "/practice") == PAUSED
    joined.clock.moment = EXAM_ENDS
    assert await reply(joined, "/practice") == MENU


@pytest.mark.parametrize(
    ("command", "opening"),
    [("/stats", "还没有练习记录。"), ("/daily", "每日一练："), ("/leaderboard", "<b>练习排行榜")],
)
async def test_stats_daily_and_leaderboard_still_work_during_the_exam(
    joined: Telegram, command: str, opening: str
) -> None:
    joined.clock.moment = DURING
    text = await reply(joined, command)
    assert text.startswith(opening), text


async def test_a_practice_option_button_is_refused_with_an_alert(joined: Telegram) -> None:
    calls = await joined.send(CONTESTANT, "/practice")
    calls = await joined.press(CONTESTANT, button(calls, "单选题"))
    joined.clock.moment = DURING
    assert alert(await joined.press(CONTESTANT, button(calls, "A"))) == PAUSED
    assert await answers(joined) == 0


async def test_a_kind_button_of_the_practice_menu_is_refused(joined: Telegram) -> None:
    menu = await joined.send(CONTESTANT, "/practice")
    joined.clock.moment = DURING
    assert alert(await joined.press(CONTESTANT, button(menu, "随机题型"))) == PAUSED


async def test_the_topic_button_is_refused(joined: Telegram) -> None:
    menu = await joined.send(CONTESTANT, "/practice")
    joined.clock.moment = DURING
    assert alert(await joined.press(CONTESTANT, button(menu, "按知识点"))) == PAUSED


async def test_the_daily_sets_start_button_is_refused(joined: Telegram) -> None:
    joined.clock.moment = DURING
    assert alert(await joined.press(CONTESTANT, "pk:daily")) == PAUSED


async def test_the_mock_exam_start_button_is_refused(joined: Telegram) -> None:
    offer = await joined.send(CONTESTANT, "/exam")
    joined.clock.moment = DURING
    assert alert(await joined.press(CONTESTANT, button(offer, "开始模拟考试"))) == PAUSED
    async with database(joined).unit_of_work() as uow:
        assert await uow.exams.latest(joined.people["H07-1"].id or 0) is None


async def test_a_mock_exam_answer_button_is_refused(joined: Telegram) -> None:
    offer = await joined.send(CONTESTANT, "/exam")
    first = await joined.press(CONTESTANT, button(offer, "开始模拟考试"))
    joined.clock.moment = DURING
    option = next(iter(buttons(first).values()))
    assert alert(await joined.press(CONTESTANT, option)) == PAUSED
    async with database(joined).unit_of_work() as uow:
        exam = await uow.exams.latest(joined.people["H07-1"].id or 0)
        assert exam is not None
        assert len(await uow.exams.answers(exam.id)) == 0


async def test_a_typed_answer_is_refused_and_the_question_waits(joined: Telegram) -> None:
    calls = await joined.send(CONTESTANT, "/practice")
    await joined.press(CONTESTANT, button(calls, "填空题"))
    joined.clock.moment = DURING
    assert await reply(joined, "不知道") == PAUSED
    assert await answers(joined) == 0
    joined.clock.moment = EXAM_ENDS
    assert (await reply(joined, "不知道")).startswith("❌")
    assert await answers(joined) == 1


# --- a lockdown from the settings -----------------------------------------------------------

Harness = Callable[[str], Awaitable[Telegram]]


@pytest.fixture
async def locked_down(tmp_path: Path, demo_parsed: Any) -> AsyncIterator[Harness]:
    """The `joined` harness, built with Settings(practice_lockdown=…)."""
    opened: list[Telegram] = []

    async def build(lockdown: str) -> Telegram:
        path = tmp_path / f"bot{len(opened)}.db"
        opened.append(await open_telegram(path, demo_parsed, practice_lockdown=lockdown))
        return await opened[-1].join_all()

    yield build
    for telegram in opened:
        await telegram.close()


async def test_a_configured_lockdown_closes_practice_until_it_ends(
    locked_down: Harness,
) -> None:
    joined = await locked_down("2024-09-26 07:00/08:15")  # the harness starts at 08:00
    assert await reply(joined, "/practice") == "理论考试进行中，练习暂停；9月26日周四 08:15 恢复。"
    joined.clock.moment = datetime(2024, 9, 26, 8, 15, tzinfo=SHANGHAI)
    assert await reply(joined, "/practice") == MENU


async def test_a_lockdown_running_into_the_exam_lasts_until_the_exam_ends(
    locked_down: Harness,
) -> None:
    joined = await locked_down("2024-09-26 07:00/08:30")
    assert await reply(joined, "/review") == PAUSED


async def test_a_lockdown_on_another_day_with_a_full_end(locked_down: Harness) -> None:
    joined = await locked_down("2024-09-25 20:00/2024-09-27 08:00, 2024-09-28 09:00/11:30")
    joined.clock.moment = datetime(2024, 9, 28, 9, 0, tzinfo=SHANGHAI)
    assert await reply(joined, "/mistakes") == "理论考试进行中，练习暂停；9月28日周六 11:30 恢复。"
    joined.clock.moment = datetime(2024, 9, 26, 12, 0, tzinfo=SHANGHAI)
    assert await reply(joined, "/exam") == "理论考试进行中，练习暂停；9月27日周五 08:00 恢复。"


async def test_a_lockdown_refuses_buttons_too(locked_down: Harness) -> None:
    joined = await locked_down("2024-09-26 07:00/08:15")
    assert alert(await joined.press(CONTESTANT, "pk:any")) == (
        "理论考试进行中，练习暂停；9月26日周四 08:15 恢复。"
    )
