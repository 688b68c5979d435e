"""/practice: questions of each kind, answered by tap or by typing; taps count once."""

from datetime import timedelta
from typing import Any

from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod

from bot.domain.enums import Locale
from bot.domain.grading.grade import Verdict
from bot.domain.questions import Question
from bot.texts.practice import VERDICTS
from bot.texts.texts import Texts
from tests.handlers.broadcasting import button, buttons, database, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, ORGANIZER, SHANGHAI, Telegram

CHINESE = Texts(Locale.ZH_HANS, SHANGHAI)


async def ask(joined: Telegram, kind: str) -> tuple[Question, list[TelegramMethod[Any]]]:
    """The question the bot asks after /practice and a tap on the kind."""
    calls = await joined.send(CONTESTANT, "/practice")
    calls = await joined.press(CONTESTANT, button(calls, kind))
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    stem = sent(calls)[0].text
    (question,) = [q for q in data.questions if q.stem in stem.replace("&lt;", "<")]
    return question, calls


def feedback(calls: list[TelegramMethod[Any]]) -> str:
    return next(c.text for c in reversed(calls) if isinstance(c, SendMessage))


async def test_buttons_carry_the_question_and_option_numbers_only(joined: Telegram) -> None:
    question, calls = await ask(joined, "单选题")
    assert set(buttons(calls).values()) == {
        f"pc:{question.id}:{n}" for n in range(len(question.options))
    }


async def test_the_right_option_is_confirmed_with_the_explanation(joined: Telegram) -> None:
    question, calls = await ask(joined, "单选题")
    right = "ABCDEFGH"[question.correct_options[0]]
    reply = feedback(await joined.press(CONTESTANT, button(calls, right)))
    assert reply.startswith("✅")
    assert "为什么" in reply or not question.explanation


async def test_a_double_tap_counts_once(joined: Telegram) -> None:
    _, calls = await ask(joined, "单选题")
    data = button(calls, "A")
    await joined.press(CONTESTANT, data)
    again = await joined.press(CONTESTANT, data)
    assert [type(c) for c in again] == [AnswerCallbackQuery]
    assert again[0].text == "你已经回答过这道题了。"  # type: ignore[attr-defined]
    person = joined.people["H07-1"]
    assert person.id is not None
    async with database(joined).unit_of_work() as uow:
        assert len(await uow.practice.history(person.id)) == 1


async def test_a_wrong_option_shows_the_answer(joined: Telegram) -> None:
    question, calls = await ask(joined, "单选题")
    wrong = next(i for i in range(len(question.options)) if i not in question.correct_options)
    reply = feedback(await joined.press(CONTESTANT, button(calls, "ABCDEFGH"[wrong])))
    assert reply.startswith(CHINESE(VERDICTS[Verdict.WRONG], points=0, maximum=1))
    assert f"答案：{'ABCDEFGH'[question.correct_options[0]]}" in reply


async def test_multiple_choice_toggles_then_submits(joined: Telegram) -> None:
    question, calls = await ask(joined, "多选题")
    for index in question.correct_options:
        calls = await joined.press(CONTESTANT, button(calls, "ABCDEFGH"[index]))
    assert sum(label.startswith("☑") for label in buttons(calls)) == len(question.correct_options)
    reply = feedback(await joined.press(CONTESTANT, button(calls, "提交")))
    assert reply.startswith("✅")


async def test_a_fill_in_is_typed(joined: Telegram) -> None:
    question, _ = await ask(joined, "填空题")
    typed = "；".join(blank[0] for blank in question.blanks)
    assert feedback(await joined.send(CONTESTANT, typed)).startswith("✅")


async def test_a_short_answer_gets_key_points_and_the_caveat(joined: Telegram) -> None:
    await ask(joined, "简答题")
    reply = feedback(await joined.send(CONTESTANT, "我不太清楚"))
    assert reply.startswith(CHINESE(VERDICTS[Verdict.WRONG], points=0, maximum=5))
    assert "阅卷老师" in reply


async def test_a_judge_is_not_offered_practice(joined: Telegram) -> None:
    assert "/practice" in sent(await joined.send(JUDGE, "/practice"))[0].text


async def test_a_wrong_answer_goes_into_the_notebook_until_answered_right(
    joined: Telegram,
) -> None:
    question, calls = await ask(joined, "单选题")
    wrong = next(i for i in range(len(question.options)) if i not in question.correct_options)
    await joined.press(CONTESTANT, button(calls, "ABCDEFGH"[wrong]))
    listed = sent(await joined.send(CONTESTANT, "/mistakes"))[0]
    assert listed.text.startswith("错题本里有 1 道题")
    calls = await joined.press(CONTESTANT, button([listed], "练习这些题"))
    assert question.stem in sent(calls)[0].text
    right = "ABCDEFGH"[question.correct_options[0]]
    await joined.press(CONTESTANT, button(calls, right))
    assert "错题本是空的" in sent(await joined.send(CONTESTANT, "/mistakes"))[0].text


async def test_review_brings_back_a_missed_question_minutes_later(joined: Telegram) -> None:
    question, calls = await ask(joined, "单选题")
    wrong = next(i for i in range(len(question.options)) if i not in question.correct_options)
    await joined.press(CONTESTANT, button(calls, "ABCDEFGH"[wrong]))
    assert "暂时没有需要复习" in sent(await joined.send(CONTESTANT, "/review"))[0].text
    joined.clock.moment += timedelta(minutes=2)
    assert question.stem in sent(await joined.send(CONTESTANT, "/review"))[0].text


async def test_stats_show_accuracy_by_type_and_the_streak(joined: Telegram) -> None:
    assert "还没有练习" in sent(await joined.send(CONTESTANT, "/stats"))[0].text
    question, calls = await ask(joined, "单选题")
    await joined.press(CONTESTANT, button(calls, "ABCDEFGH"[question.correct_options[0]]))
    joined.clock.moment += timedelta(days=1)
    question, calls = await ask(joined, "单选题")
    wrong = next(i for i in range(len(question.options)) if i not in question.correct_options)
    await joined.press(CONTESTANT, button(calls, "ABCDEFGH"[wrong]))
    text = sent(await joined.send(CONTESTANT, "/stats"))[0].text
    assert "<b>你的练习</b>：2 道中答对 1 道（50%），连续 2 天。" in text
    assert "· 单选题：1/2" in text


async def test_a_wrong_key_is_reported_and_organizers_resolve_it(joined: Telegram) -> None:
    question, calls = await ask(joined, "单选题")
    calls = await joined.press(CONTESTANT, button(calls, "A"))
    await joined.press(CONTESTANT, button(calls, "⚑"))
    thanks = sent(await joined.send(CONTESTANT, "B 才是对的，见第三十条"))[0].text
    assert thanks == f"谢谢：组织者会核查第 {question.code} 题。"
    inbox = await joined.send(ORGANIZER, "/reports")
    assert "B 才是对的，见第三十条" in sent(inbox)[0].text
    calls = await joined.press(ORGANIZER, button(inbox, "✓ #1"))
    assert any("没有待处理" in (getattr(c, "text", "") or "") for c in calls)


async def test_a_contestant_cannot_open_the_reports_inbox(joined: Telegram) -> None:
    assert "/reports" in sent(await joined.send(CONTESTANT, "/reports"))[0].text
