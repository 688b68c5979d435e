"""/daily: the opt-in daily set, chosen by button or typed, and a pushed set answered end to end."""

from datetime import datetime, time
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage, TelegramMethod

from bot.domain.enums import Locale, QuestionType
from bot.domain.practice_plan import DAILY, DAILY_START_DATA, PracticePreferences
from bot.domain.questions import Question, option_letter
from bot.texts.texts import Texts, html
from handlers.general.callbacks import LanguageChoice
from handlers.practice.callbacks import DailyButton, PracticeKind
from handlers.queries import ALREADY_HANDLED
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, LEADER, ORGANIZER, SHANGHAI, Telegram

HINT = "选择时间和题数，或输入如 /daily 07:45 5。理论考试进行期间不会推送。"
HELP = "请写时间，也可以加题数（1–30）：/daily 07:45 5；关闭请发 /daily off。"
EVENING_BEFORE = datetime(2024, 9, 25, 19, 0, tzinfo=SHANGHAI)
# The third day, before anything starts: no theory slot covers it.
DAILY_MORNING = datetime(2024, 9, 27, 7, 31, tzinfo=SHANGHAI)


async def preferences(joined: Telegram, code: str = "H07-1") -> PracticePreferences:
    person_id = joined.people[code].id or 0
    async with database(joined).unit_of_work() as uow:
        return await uow.preferences.get(person_id)


def edit(calls: list[TelegramMethod[Any]]) -> EditMessageText:
    (edited,) = [call for call in calls if isinstance(call, EditMessageText)]
    return edited


def toast(calls: list[TelegramMethod[Any]]) -> str | None:
    (answered,) = [call for call in calls if isinstance(call, AnswerCallbackQuery)]
    return answered.text


async def daily(joined: Telegram, text: str = "/daily", user: int = CONTESTANT) -> SendMessage:
    (reply,) = sent(await joined.send(user, text))
    return reply


# --- the setting as shown ----------------------------------------------------------------


async def test_daily_shows_it_is_off_with_times_counts_and_off_marked(joined: Telegram) -> None:
    reply = await daily(joined)
    assert reply.text == f"每日一练：已关闭。\n{HINT}"
    assert buttons([reply]) == {
        "07:00": "dy:420:5",
        "08:00": "dy:480:5",
        "12:30": "dy:750:5",
        "18:00": "dy:1080:5",
        "21:00": "dy:1260:5",
        "3 道题": "dy:-1:3",
        "✓ 5 道题": "dy:-1:5",
        "10 道题": "dy:-1:10",
        "✓ 关闭": "dy:-1:5",
    }


async def test_a_leader_may_choose_a_daily_set_too(joined: Telegram) -> None:
    assert (await daily(joined, user=LEADER)).text == f"每日一练：已关闭。\n{HINT}"


# --- buttons -----------------------------------------------------------------------------


async def test_a_daily_time_button_saves_it_and_marks_it(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, button([await daily(joined)], "07:00"))
    assert toast(calls) == "已保存。"
    assert edit(calls).text == f"每日一练：每天 07:00，5 道题。\n{HINT}"
    marked = [label for label in buttons(calls) if label.startswith("✓")]
    assert marked == ["✓ 07:00", "✓ 5 道题"]
    assert (await preferences(joined)).daily_at == time(7, 0)


async def test_a_count_button_keeps_the_chosen_time(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, button([await daily(joined)], "18:00"))
    calls = await joined.press(CONTESTANT, button(calls, "10 道题"))
    assert edit(calls).text == f"每日一练：每天 18:00，10 道题。\n{HINT}"
    assert [label for label in buttons(calls) if label.startswith("✓")] == [
        "✓ 18:00",
        "✓ 10 道题",
    ]
    saved = await preferences(joined)
    assert (saved.daily_at, saved.daily_count) == (time(18, 0), 10)


async def test_a_count_chosen_while_off_is_kept_and_stays_off(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, button([await daily(joined)], "3 道题"))
    assert edit(calls).text == f"每日一练：已关闭。\n{HINT}"
    calls = await joined.press(CONTESTANT, button(calls, "12:30"))
    assert edit(calls).text == f"每日一练：每天 12:30，3 道题。\n{HINT}"


async def test_a_double_tap_on_the_same_button_is_already_handled_and_keeps_the_state(
    joined: Telegram,
) -> None:
    data = button([await daily(joined)], "08:00")
    first = await joined.press(CONTESTANT, data)
    again = await joined.press(CONTESTANT, data)
    assert toast(again) == Texts(Locale.ZH_HANS, SHANGHAI)(ALREADY_HANDLED)
    assert edit(again).text == edit(first).text == f"每日一练：每天 08:00，5 道题。\n{HINT}"
    assert buttons(again) == buttons(first)
    saved = await preferences(joined)
    assert (saved.daily_at, saved.daily_count) == (time(8, 0), 5)


async def test_the_off_button_stops_the_daily_set_and_keeps_the_count(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, button([await daily(joined)], "21:00"))
    calls = await joined.press(CONTESTANT, button(calls, "10 道题"))
    calls = await joined.press(CONTESTANT, button(calls, "关闭"))
    assert edit(calls).text == f"每日一练：已关闭。\n{HINT}"
    assert [label for label in buttons(calls) if label.startswith("✓")] == [
        "✓ 10 道题",
        "✓ 关闭",
    ]
    saved = await preferences(joined)
    assert (saved.daily_at, saved.daily_count) == (None, 10)


async def test_an_old_settings_message_shows_the_saved_state_again(joined: Telegram) -> None:
    await joined.press(CONTESTANT, button([await daily(joined)], "07:00"))
    assert (await daily(joined)).text == f"每日一练：每天 07:00，5 道题。\n{HINT}"


# --- typed -------------------------------------------------------------------------------


async def test_a_typed_time_and_count_are_saved(joined: Telegram) -> None:
    reply = await daily(joined, "/daily 07:45 3")
    assert reply.text == f"每日一练：每天 07:45，3 道题。\n{HINT}"
    # 07:45 is none of the offered times: no time is marked, the count is.
    assert [label for label in buttons([reply]) if label.startswith("✓")] == ["✓ 3 道题"]
    assert buttons([reply])["07:00"] == DailyButton(minute=420, count=3).pack()
    saved = await preferences(joined)
    assert (saved.daily_at, saved.daily_count) == (time(7, 45), 3)


async def test_a_typed_time_alone_keeps_the_count(joined: Telegram) -> None:
    await daily(joined, "/daily 07:45 10")
    reply = await daily(joined, "/daily 7:05")
    assert reply.text == f"每日一练：每天 07:05，10 道题。\n{HINT}"


async def test_a_full_width_colon_is_read_as_a_colon(joined: Telegram) -> None:
    reply = await daily(joined, "/daily 21：30 5")
    assert reply.text == f"每日一练：每天 21:30，5 道题。\n{HINT}"


async def test_a_count_beyond_the_buttons_may_be_typed(joined: Telegram) -> None:
    reply = await daily(joined, "/daily 06:00 30")
    assert reply.text == f"每日一练：每天 06:00，30 道题。\n{HINT}"
    assert not any(label.startswith("✓") for label in buttons([reply]))


@pytest.mark.parametrize("word", ["off", "OFF", "关闭", "取消"])
async def test_typed_off_stops_the_daily_set(joined: Telegram, word: str) -> None:
    await daily(joined, "/daily 07:45 3")
    assert (await daily(joined, f"/daily {word}")).text == f"每日一练：已关闭。\n{HINT}"
    saved = await preferences(joined)
    assert (saved.daily_at, saved.daily_count) == (None, 3)


@pytest.mark.parametrize(
    "args", ["soon", "25:00", "07:45 0", "07:45 31", "07:45 many", "07:45 5 daily", "off 5"]
)
async def test_junk_after_daily_gets_the_help_and_saves_nothing(
    joined: Telegram, args: str
) -> None:
    await daily(joined, "/daily 07:45 3")
    reply = await daily(joined, f"/daily {args}")
    assert reply.text == HELP
    assert reply.reply_markup is None
    saved = await preferences(joined)
    assert (saved.daily_at, saved.daily_count) == (time(7, 45), 3)


async def test_the_help_comes_in_the_persons_language(joined: Telegram) -> None:
    await joined.press(CONTESTANT, LanguageChoice(locale=Locale.EN).pack())
    assert (await daily(joined, "/daily whenever")).text == (
        "Write a time and, if you like, how many questions (1–30): /daily 07:45 5, or /daily off."
    )


# --- who may ------------------------------------------------------------------------------


async def test_a_judge_is_told_daily_is_not_for_them(joined: Telegram) -> None:
    assert (await daily(joined, user=JUDGE)).text == (
        "Sorry, /daily is not available to you. /help shows what you can do."
    )


async def test_an_organizer_is_told_daily_is_not_for_them(joined: Telegram) -> None:
    assert (await daily(joined, "/daily 07:45 3", user=ORGANIZER)).text == (
        "抱歉，/daily 对你不可用。发送 /help 查看你能用的功能。"
    )


async def test_a_forged_daily_button_from_a_judge_is_a_stale_button(joined: Telegram) -> None:
    calls = await joined.press(JUDGE, DailyButton(minute=420, count=5).pack())
    assert is_alert(calls)
    assert toast(calls) == "This button is no longer valid."


@pytest.mark.parametrize(("minute", "count"), [(1440, 5), (-2, 5), (420, 0), (420, 31)])
async def test_a_daily_button_out_of_range_is_a_stale_button(
    joined: Telegram, minute: int, count: int
) -> None:
    # Forged: such data cannot even be built as a DailyButton.
    calls = await joined.press(CONTESTANT, f"dy:{minute}:{count}")
    assert is_alert(calls)
    assert toast(calls) == "这个按钮已失效。"
    assert (await preferences(joined)).daily_at is None


# --- the set itself ------------------------------------------------------------------------


async def question_in(joined: Telegram, calls: list[TelegramMethod[Any]]) -> Question:
    """The question the bot just asked (its stem is in the last message sent)."""
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    text = sent(calls)[-1].text
    (question,) = [q for q in data.questions if html(q.stem) in text]
    return question


async def answer_right(joined: Telegram, calls: list[TelegramMethod[Any]]) -> Any:
    question = await question_in(joined, calls)
    if question.type is QuestionType.TRUE_FALSE:
        return await joined.press(CONTESTANT, button(calls, "✓" if question.truth else "✗"))
    if question.type is QuestionType.SINGLE:
        letter = option_letter(question.correct_options[0])
        return await joined.press(CONTESTANT, button(calls, letter))
    if question.type is QuestionType.MULTIPLE:
        for index in question.correct_options:
            calls = await joined.press(CONTESTANT, button(calls, option_letter(index)))
        return await joined.press(CONTESTANT, button(calls, "提交"))
    if question.type is QuestionType.FILL_IN:
        return await joined.send(CONTESTANT, "；".join(blank[0] for blank in question.blanks))
    return await joined.send(CONTESTANT, question.reference_answer)


def feedback(calls: list[TelegramMethod[Any]]) -> str:
    return sent(calls)[-1].text


async def test_a_daily_set_has_five_questions_unless_chosen_otherwise(joined: Telegram) -> None:
    calls = await joined.press(CONTESTANT, "pk:daily")
    calls = await answer_right(joined, calls)
    assert button(calls, "下一题") == "pk:dnext"
    assert "下一题 ▶（还剩 4 道）" in buttons(calls)


async def test_a_pushed_daily_set_is_answered_to_the_end(joined: Telegram) -> None:
    joined.clock.moment = EVENING_BEFORE
    await daily(joined, "/daily 07:30 3")
    joined.clock.moment = DAILY_MORNING
    assert await joined.dispatcher["app"].practice.queue_due() == 1
    person_id = joined.people["H07-1"].id
    async with database(joined).unit_of_work() as uow:
        due = await uow.outbox.claim_due(DAILY_MORNING, 10)
    (invitation,) = [d for d in due if d.dedup_key.startswith("practice-daily:")]
    assert invitation.dedup_key == f"practice-daily:{person_id}:2024-09-27"
    assert invitation.chat_id == CONTESTANT
    assert invitation.text == "📚 今日 3 道练习题已准备好（其中 0 道到期复习）。"
    assert invitation.buttons == ((("开始 ▶", "pk:daily"),),)
    # Once a day: a second look in the same minute queues nothing more.
    assert await joined.dispatcher["app"].practice.queue_due() == 0

    calls = await joined.press(CONTESTANT, "pk:daily")
    verdicts = []
    for left in (2, 1):
        calls = await answer_right(joined, calls)
        verdicts.append(feedback(calls)[0])
        assert buttons(calls)[f"下一题 ▶（还剩 {left} 道）"] == "pk:dnext"
        calls = await joined.press(CONTESTANT, "pk:dnext")
    calls = await answer_right(joined, calls)
    verdicts.append(feedback(calls)[0])
    right = verdicts.count("✅")
    assert right == 3, verdicts
    assert feedback(calls).endswith(f"\n\n🎉 今日练习完成：3 题答对 {right} 题。明天见！")
    assert buttons(calls)["继续练习 ▶"] == "pk:any"


async def test_an_old_next_button_after_the_set_only_says_it_is_done(joined: Telegram) -> None:
    await daily(joined, "/daily 07:30 3")
    calls = await joined.press(CONTESTANT, "pk:daily")
    for _ in range(3):
        calls = await answer_right(joined, calls)
        if "继续练习 ▶" not in buttons(calls):
            calls = await joined.press(CONTESTANT, "pk:dnext")
    (done,) = sent(await joined.press(CONTESTANT, "pk:dnext"))
    assert done.text.startswith("🎉 今日练习完成：3 题答对")


async def answer_wrong(joined: Telegram, calls: list[TelegramMethod[Any]]) -> Any:
    question = await question_in(joined, calls)
    if question.type is QuestionType.TRUE_FALSE:
        return await joined.press(CONTESTANT, button(calls, "✗" if question.truth else "✓"))
    if question.type.has_options:
        wrong = next(i for i in range(len(question.options)) if i not in question.correct_options)
        calls = await joined.press(CONTESTANT, button(calls, option_letter(wrong)))
        if question.type is QuestionType.MULTIPLE:
            calls = await joined.press(CONTESTANT, button(calls, "提交"))
        return calls
    return await joined.send(CONTESTANT, "不知道")


async def test_wrong_answers_count_in_the_set_but_not_as_right(joined: Telegram) -> None:
    await daily(joined, "/daily 07:30 3")
    calls = await joined.press(CONTESTANT, "pk:daily")
    for left in (2, 1):
        calls = await answer_wrong(joined, calls)
        assert feedback(calls).startswith("❌")
        assert f"下一题 ▶（还剩 {left} 道）" in buttons(calls)
        calls = await joined.press(CONTESTANT, "pk:dnext")
    calls = await answer_wrong(joined, calls)
    assert feedback(calls).endswith("🎉 今日练习完成：3 题答对 0 题。明天见！")


async def test_a_question_answered_wrong_is_not_asked_again_in_the_same_set(
    joined: Telegram,
) -> None:
    await daily(joined, "/daily 07:30 3")
    calls = await joined.press(CONTESTANT, "pk:daily")
    first = await question_in(joined, calls)
    await answer_wrong(joined, calls)
    second = await question_in(joined, await joined.press(CONTESTANT, "pk:dnext"))
    assert second.code != first.code


def test_the_invitations_start_button_is_the_practice_buttons_own_data() -> None:
    # The push service writes the data without importing handlers; both must agree.
    assert PracticeKind(kind=DAILY).pack() == DAILY_START_DATA
