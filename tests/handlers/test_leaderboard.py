"""/leaderboard: this week's board of the viewer's track, among those who chose to be on it."""

from datetime import datetime
from typing import Any

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage, TelegramMethod

from bot.domain.questions import Question, option_letter
from bot.texts.texts import html
from handlers.leaderboard.callbacks import LeaderboardButton
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, LEADER, ORGANIZER, SHANGHAI, Telegram

TEAMMATE, WINDOW = 4005, 4006  # H07-2 (the contestant's track); W01-1 (the other track)
HEADER = "<b>练习排行榜 · 12345政务服务热线</b>（本周答对题数）"
ON = "你已在排行榜上：本赛道其他人能看到你的姓名和答对题数。"
OFF = "你不在排行榜上；只有自愿加入的人才会显示。"
NOBODY = "本周榜上还没有人练习。"


async def bind(joined: Telegram, user_id: int, code: str) -> None:
    """Another person of the demo contest joins the bot, as the `joined` fixture does."""
    await joined.join(user_id, code)


async def board(joined: Telegram, user_id: int = CONTESTANT) -> SendMessage:
    (reply,) = sent(await joined.send(user_id, "/leaderboard"))
    return reply


async def join(joined: Telegram, user_id: int) -> list[TelegramMethod[Any]]:
    return await joined.press(user_id, button([await board(joined, user_id)], "加入排行榜"))


async def practise(joined: Telegram, user_id: int, right: bool) -> None:
    """One single-choice question from /practice, answered right or wrong."""
    calls = await joined.send(user_id, "/practice")
    calls = await joined.press(user_id, button(calls, "单选题"))
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    text = sent(calls)[-1].text
    (question,) = [q for q in data.questions if html(q.stem) in text]
    option = chosen(question, right)
    calls = await joined.press(user_id, button(calls, option_letter(option)))
    assert sent(calls)[-1].text.startswith("✅" if right else "❌")


def chosen(question: Question, right: bool) -> int:
    if right:
        return question.correct_options[0]
    return next(i for i in range(len(question.options)) if i not in question.correct_options)


def toast(calls: list[TelegramMethod[Any]]) -> str | None:
    (answered,) = [call for call in calls if isinstance(call, AnswerCallbackQuery)]
    return answered.text


def edited(calls: list[TelegramMethod[Any]]) -> str | None:
    (edit,) = [call for call in calls if isinstance(call, EditMessageText)]
    return edit.text


async def test_nobody_is_on_the_board_until_they_join(joined: Telegram) -> None:
    await practise(joined, CONTESTANT, right=True)
    reply = await board(joined)
    assert reply.text == f"{HEADER}\n{NOBODY}\n{OFF}"
    assert buttons([reply]) == {"加入排行榜": LeaderboardButton(join=True).pack()}


async def test_joining_shows_the_person_in_bold_and_offers_to_leave(joined: Telegram) -> None:
    await practise(joined, CONTESTANT, right=True)
    calls = await join(joined, CONTESTANT)
    assert toast(calls) == "已加入排行榜。"
    assert edited(calls) == f"{HEADER}\n<b>1. 沈萍（锦州市热线代表队）：1 题答对 1</b>\n{ON}"
    assert buttons(calls) == {"退出排行榜": LeaderboardButton(join=False).pack()}


async def test_someone_on_the_board_who_has_not_practised_is_not_listed(
    joined: Telegram,
) -> None:
    calls = await join(joined, CONTESTANT)
    assert edited(calls) == f"{HEADER}\n{NOBODY}\n{ON}"


async def test_leaving_takes_the_person_off_the_board(joined: Telegram) -> None:
    await practise(joined, CONTESTANT, right=True)
    calls = await join(joined, CONTESTANT)
    calls = await joined.press(CONTESTANT, button(calls, "退出排行榜"))
    assert toast(calls) == "已退出排行榜。"
    assert edited(calls) == f"{HEADER}\n{NOBODY}\n{OFF}"
    assert (await board(joined)).text == f"{HEADER}\n{NOBODY}\n{OFF}"


async def test_two_of_a_track_are_ranked_by_right_answers(joined: Telegram) -> None:
    await bind(joined, TEAMMATE, "H07-2")
    await practise(joined, CONTESTANT, right=True)
    await practise(joined, CONTESTANT, right=True)
    await practise(joined, TEAMMATE, right=True)
    await practise(joined, TEAMMATE, right=False)
    await join(joined, CONTESTANT)
    await join(joined, TEAMMATE)
    assert (await board(joined)).text == (
        f"{HEADER}\n"
        "<b>1. 沈萍（锦州市热线代表队）：2 题答对 2</b>\n"
        "2. 秦冬（锦州市热线代表队）：2 题答对 1\n"
        f"{ON}"
    )
    # Each sees their own row in bold.
    assert (await board(joined, TEAMMATE)).text == (
        f"{HEADER}\n"
        "1. 沈萍（锦州市热线代表队）：2 题答对 2\n"
        "<b>2. 秦冬（锦州市热线代表队）：2 题答对 1</b>\n"
        f"{ON}"
    )


async def test_equal_right_answers_share_a_place_the_more_accurate_first(
    joined: Telegram,
) -> None:
    await bind(joined, TEAMMATE, "H07-2")
    await practise(joined, CONTESTANT, right=True)
    await practise(joined, CONTESTANT, right=False)
    await practise(joined, TEAMMATE, right=True)
    await join(joined, CONTESTANT)
    await join(joined, TEAMMATE)
    assert (await board(joined)).text == (
        f"{HEADER}\n"
        "1. 秦冬（锦州市热线代表队）：1 题答对 1\n"
        "<b>1. 沈萍（锦州市热线代表队）：2 题答对 1</b>\n"
        f"{ON}"
    )


async def test_someone_who_did_not_join_never_appears(joined: Telegram) -> None:
    await bind(joined, TEAMMATE, "H07-2")
    await practise(joined, TEAMMATE, right=True)
    await practise(joined, CONTESTANT, right=False)
    await join(joined, CONTESTANT)
    text = (await board(joined)).text
    assert "秦冬" not in text
    assert text == f"{HEADER}\n<b>1. 沈萍（锦州市热线代表队）：1 题答对 0</b>\n{ON}"


async def test_someone_of_the_other_track_is_on_their_own_board_only(joined: Telegram) -> None:
    await bind(joined, WINDOW, "W01-1")
    await practise(joined, WINDOW, right=True)
    await practise(joined, CONTESTANT, right=True)
    await join(joined, WINDOW)
    await join(joined, CONTESTANT)
    assert (await board(joined)).text == (
        f"{HEADER}\n<b>1. 沈萍（锦州市热线代表队）：1 题答对 1</b>\n{ON}"
    )
    assert (await board(joined, WINDOW)).text == (
        "<b>练习排行榜 · 政务服务窗口</b>（本周答对题数）\n"
        "<b>1. 韩子晨（沈阳市政务服务中心代表队）：1 题答对 1</b>\n"
        f"{ON}"
    )


async def test_a_leader_of_the_track_can_be_on_the_board(joined: Telegram) -> None:
    await practise(joined, LEADER, right=True)
    await join(joined, LEADER)
    assert (await board(joined)).text == (
        f"{HEADER}\n1. 吕志鹏（沈阳市热线代表队）：1 题答对 1\n{OFF}"
    )


async def test_answers_from_last_week_do_not_count(joined: Telegram) -> None:
    # Sunday 23:50 is last week; Monday 00:10 (still Sunday in UTC) is this week.
    joined.clock.moment = datetime(2024, 9, 22, 23, 50, tzinfo=SHANGHAI)
    await practise(joined, CONTESTANT, right=True)
    joined.clock.moment = datetime(2024, 9, 23, 0, 10, tzinfo=SHANGHAI)
    await practise(joined, CONTESTANT, right=False)
    await join(joined, CONTESTANT)
    joined.clock.moment = datetime(2024, 9, 26, 8, 0, tzinfo=SHANGHAI)
    assert (await board(joined)).text == (
        f"{HEADER}\n<b>1. 沈萍（锦州市热线代表队）：1 题答对 0</b>\n{ON}"
    )


async def test_a_judge_is_told_the_leaderboard_is_not_for_them(joined: Telegram) -> None:
    assert (await board(joined, JUDGE)).text == (
        "Sorry, /leaderboard is not available to you. /help shows what you can do."
    )


async def test_an_organizer_is_told_the_leaderboard_is_not_for_them(joined: Telegram) -> None:
    assert (await board(joined, ORGANIZER)).text == (
        "抱歉，/leaderboard 对你不可用。发送 /help 查看你能用的功能。"
    )


async def test_a_forged_join_button_from_a_judge_is_a_stale_button(joined: Telegram) -> None:
    calls = await joined.press(JUDGE, LeaderboardButton(join=True).pack())
    assert is_alert(calls)
    assert toast(calls) == "This button is no longer valid."
    judge_id = joined.people["J7"].id or 0
    async with database(joined).unit_of_work() as uow:
        assert judge_id not in await uow.preferences.on_leaderboard()


async def test_ones_own_row_follows_the_top_ten(joined: Telegram) -> None:
    others = ["H01-1", "H01-2", "H01-3", "H02-1", "H02-2", "H02-3", "H02-L", "H07-2", "H07-3",
              "H07-L", "H08-1"]  # fmt: skip
    for user_id, code in enumerate(others, start=5001):
        await bind(joined, user_id, code)
        await practise(joined, user_id, right=True)
        await join(joined, user_id)
    await practise(joined, CONTESTANT, right=False)
    await join(joined, CONTESTANT)
    lines = (await board(joined)).text.split("\n")
    assert len(lines) == 1 + 10 + 1 + 1  # the header, ten places, one's own, the note
    assert all(line.startswith("1. ") for line in lines[1:11])
    assert lines[11] == "<b>12. 沈萍（锦州市热线代表队）：1 题答对 0</b>"
