"""Questions in plain words, answered from the demo contest through the real dispatcher."""

from datetime import datetime

import pytest
from aiogram.methods import SendMessage

from tests.handlers.conftest import SHANGHAI, Telegram

ALICE = 4001
NOON = datetime(2024, 9, 26, 12, 0, tzinfo=SHANGHAI)


@pytest.fixture
async def contestant(telegram: Telegram) -> Telegram:
    telegram.clock.moment = NOON
    await telegram.join(ALICE, "H07-1")
    return telegram


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("我们队几点上场？", ["风采展示（12345赛道）", "第 7 位"]),
        ("咱们啥时候上台", ["风采展示（12345赛道）"]),
        ("理论考试在哪个考场？", ["理论考场A", "凭参赛证入场"]),
        ("明天有什么安排", ["9月27日周五", "擂台赛初赛（12345赛道）", "你们的出场"]),
        ("明天下午有什么", ["决赛（12345赛道）", "闭幕式暨颁奖典礼"]),
        ("风采展示要多长时间", ["每队 8 分钟"]),
        ("决赛多长时间", ["共 60 分钟"]),
        ("第一会议厅在哪", ["会展中心二楼", "二楼东侧"]),
        ("谁在台上", ["现在台上没有比赛", "风采展示（12345赛道）"]),
    ],
)
async def test_a_chinese_question_gets_its_answer(
    contestant: Telegram, question: str, expected: list[str]
) -> None:
    reply = await contestant.ask(ALICE, question)
    for fragment in expected:
        assert fragment in reply


async def test_the_afternoon_leaves_out_the_morning(contestant: Telegram) -> None:
    reply = await contestant.ask(ALICE, "明天下午有什么")
    assert "擂台赛初赛" not in reply


async def test_who_is_on_stage_during_the_showcase_names_the_team(contestant: Telegram) -> None:
    contestant.clock.moment = datetime(2024, 9, 26, 14, 20, tzinfo=SHANGHAI)
    reply = await contestant.ask(ALICE, "现在谁在台上")
    assert "锦州市热线代表队" in reply
    assert "至 14:26" in reply


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what's next for my team?", ["Showcase (12345 track)", "No. 7 of 20"]),
        ("where is the final?", ["Final (12345 track)", "Conference Hall 1"]),
        ("tommorow afternoon", ["Closing and awards ceremony"]),
        ("when is the thoery exam", ["Theory exam (12345 track)", "08:30"]),
    ],
)
async def test_an_english_question_gets_its_answer(
    contestant: Telegram, question: str, expected: list[str]
) -> None:
    await contestant.press(ALICE, "lang:en")
    reply = await contestant.ask(ALICE, question)
    for fragment in expected:
        assert fragment in reply


async def test_another_team_can_be_asked_about_by_name(contestant: Telegram) -> None:
    reply = await contestant.ask(ALICE, "H01什么时候上场")
    assert "风采展示（12345赛道）" in reply


@pytest.mark.parametrize("junk", ["asdfgh", "😀😀", "'; DROP TABLE people; --", "你好" * 2000])
async def test_what_is_not_understood_gets_a_helpful_reply_with_buttons(
    contestant: Telegram, junk: str
) -> None:
    calls = await contestant.send(ALICE, junk)
    replies = [call for call in calls if isinstance(call, SendMessage)]
    assert len(replies) == 1
    assert "没听懂" in replies[0].text
    assert replies[0].reply_markup is not None


async def test_a_follower_asking_about_their_turn_is_told_they_have_no_team(
    telegram: Telegram,
) -> None:
    reply = await telegram.ask(5555, "我们队几点上场？")
    assert "不属于任何参赛队" in reply


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("离我们上场还有多长时间？", ["按计划还有", "风采展示（12345赛道）"]),
        ("我們前一個隊是誰", ["前一个是", "后一个是"]),
        ("我们组有哪几个人", ["1 号：", "领队："]),
        ("我们已经比完了吗", ["还没有"]),
        ("我现在应该去哪个地方", ["请前往第一会议厅"]),
    ],
)
async def test_a_question_about_one_fact_of_the_team_is_answered(
    contestant: Telegram, question: str, expected: list[str]
) -> None:
    reply = await contestant.ask(ALICE, question)
    for fragment in expected:
        assert fragment in reply


async def test_what_is_not_understood_is_followed_by_three_questions_that_fit(
    contestant: Telegram,
) -> None:
    reply = await contestant.ask(ALICE, "中午吃什么")
    assert reply.count("•") == 3
    assert "离我们上场还有多久？" in reply
