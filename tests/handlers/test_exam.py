"""/exam: a mock exam end to end on the demo bank — a restart in the middle, the deadline,
handing in early, and the time left whatever the clock does."""

from datetime import datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import SendMessage, TelegramMethod

from bot.app import create_context, create_dispatcher
from bot.domain.enums import Locale, QuestionType
from bot.domain.exams import Exam
from bot.domain.questions import Question, option_letter
from bot.i18n import translator
from handlers.exam.callbacks import ExamChoice, ExamEnd, ExamEndStep
from tests.handlers.broadcasting import button, buttons, database, is_alert
from tests.handlers.conftest import CONTESTANT, LEADER, SHANGHAI, Telegram

EVENING_BEFORE = datetime(2024, 9, 25, 19, 0, tzinfo=SHANGHAI)


async def exam_of(joined: Telegram) -> tuple[Exam, dict[str, Question]]:
    person = joined.people["H07-1"]
    async with database(joined).unit_of_work() as uow:
        exam = await uow.exams.latest(person.id or 0)
        data = await uow.contest.load()
    assert exam is not None
    assert data is not None
    return exam, {q.code: q for q in data.questions}


def number(calls: list[TelegramMethod[Any]]) -> int:
    """The number of the question just asked ("第 7 题，共 63 题")."""
    text = next(c.text for c in reversed(calls) if isinstance(c, SendMessage))
    return int(text.split("第 ", 1)[1].split(" ", 1)[0])


async def answer_right(joined: Telegram, calls: list[TelegramMethod[Any]]) -> Any:
    exam, questions = await exam_of(joined)
    question = questions[exam.questions[number(calls) - 1]]
    if question.type is QuestionType.TRUE_FALSE:
        return await joined.press(CONTESTANT, button(calls, "✓" if question.truth else "✗"))
    if question.type is QuestionType.SINGLE:
        return await joined.press(
            CONTESTANT, button(calls, option_letter(question.correct_options[0]))
        )
    if question.type is QuestionType.MULTIPLE:
        for index in question.correct_options:
            calls = await joined.press(CONTESTANT, button(calls, option_letter(index)))
        return await joined.press(CONTESTANT, button(calls, "提交"))
    if question.type is QuestionType.FILL_IN:
        return await joined.send(CONTESTANT, "；".join(b[0] for b in question.blanks))
    return await joined.send(CONTESTANT, question.reference_answer)


async def started(joined: Telegram) -> list[TelegramMethod[Any]]:
    calls = await joined.send(CONTESTANT, "/exam")
    return await joined.press(CONTESTANT, button(calls, "开始模拟考试"))


async def test_a_mock_exam_survives_a_restart_and_ends_at_the_deadline(joined: Telegram) -> None:
    joined.clock.moment = EVENING_BEFORE  # 90 minutes that do not run into the real exam
    calls = await started(joined)
    assert number(calls) == 1
    for _ in range(12):
        calls = await answer_right(joined, calls)
    assert number(calls) == 13
    # The app restarts: a new dispatcher, empty dialogue memory, the same database.
    app = joined.dispatcher["app"]
    joined.dispatcher = create_dispatcher(
        create_context(app.settings, joined.database, joined.clock)
    )
    calls = await joined.send(CONTESTANT, "/exam")
    assert number(calls) == 13
    calls = await answer_right(joined, calls)
    joined.clock.moment += timedelta(minutes=91)
    late = await answer_right(joined, calls)
    texts = [c.text for c in late if isinstance(c, SendMessage)]
    assert texts[0] == "时间到：截止后的作答不计分。"
    assert "63 道题中答了 13 道" in texts[1]


async def test_the_reminder_and_the_end_are_queued_for_their_times(joined: Telegram) -> None:
    await started(joined)
    exam, _ = await exam_of(joined)
    async with database(joined).unit_of_work() as uow:
        early = await uow.outbox.claim_due(exam.deadline - timedelta(minutes=11), 10)
        reminder = await uow.outbox.claim_due(exam.deadline - timedelta(minutes=10), 10)
        end = await uow.outbox.claim_due(exam.deadline, 10)
    assert [d.dedup_key for d in early] == []
    assert [d.dedup_key for d in reminder] == [f"exam:{exam.id}:reminder"]
    assert [d.dedup_key for d in end] == [f"exam:{exam.id}:over"]


async def test_a_double_tap_counts_the_first_answer_only(joined: Telegram) -> None:
    calls = await started(joined)
    exam, _ = await exam_of(joined)
    first = next(iter(buttons(calls).values()))  # question 1 is single choice: one tap answers
    await joined.press(CONTESTANT, first)
    await joined.press(CONTESTANT, first)
    async with database(joined).unit_of_work() as uow:
        assert len(await uow.exams.answers(exam.id)) == 1


async def test_someone_else_cannot_answer_my_exam(joined: Telegram) -> None:
    await started(joined)
    exam, _ = await exam_of(joined)
    forged = ExamChoice(exam=exam.id, index=0, option=0).pack()
    assert is_alert(await joined.press(LEADER, forged))


async def test_every_answer_right_scores_the_full_hundred(joined: Telegram) -> None:
    calls = await started(joined)
    for _ in range(63):
        calls = await answer_right(joined, calls)
    report = next(c.text for c in reversed(calls) if isinstance(c, SendMessage))
    assert "<b>模拟考试成绩</b>：100 分（满分 100 分）；63 道题中答了 63 道" in report


# Handing in: /cancel or the Hand in button, then a confirmation; what was answered is graded.

zh = translator(Locale.ZH_HANS)
HAND_IN, KEEP_GOING = zh("Hand in"), zh("Keep going")


def last_text(calls: list[TelegramMethod[Any]]) -> str:
    return next(c.text for c in reversed(calls) if isinstance(c, SendMessage))


def header(number: int, minutes: int) -> str:
    message = zh("Question {number} of {count} · {minutes} min left")
    return message.format(number=number, count=63, minutes=minutes)


def report_of(answered: int, minutes: int) -> str:
    """The part of the report's first line that says how much was answered, in how long."""
    message = zh("<b>Mock exam report</b>: {points} of {maximum} points; {answered} of {asked} "
                 "questions answered in {minutes} min.")  # fmt: skip
    whole = message.format(points="P", maximum="M", answered=answered, asked=63, minutes=minutes)
    return whole.split("；", 1)[1]


async def three_answered(joined: Telegram) -> list[TelegramMethod[Any]]:
    joined.clock.moment = EVENING_BEFORE
    calls = await started(joined)
    for _ in range(3):
        calls = await answer_right(joined, calls)
    return calls


async def test_cancel_during_an_exam_asks_whether_to_hand_it_in(joined: Telegram) -> None:
    await three_answered(joined)
    calls = await joined.send(CONTESTANT, "/cancel")
    asked = zh("Hand in your mock exam now? You have answered {answered} of {asked} questions; "
               "the others score nothing.")  # fmt: skip
    assert last_text(calls) == asked.format(answered=3, asked=63)
    assert list(buttons(calls)) == [HAND_IN, KEEP_GOING]


async def test_every_question_carries_a_hand_in_button_that_asks_the_same(
    joined: Telegram,
) -> None:
    calls = await three_answered(joined)
    confirmation = await joined.press(CONTESTANT, button(calls, HAND_IN))
    assert list(buttons(confirmation)) == [HAND_IN, KEEP_GOING]


async def test_confirming_grades_what_was_answered_and_ends_the_exam(joined: Telegram) -> None:
    await three_answered(joined)
    joined.clock.moment += timedelta(minutes=20)
    confirmation = await joined.send(CONTESTANT, "/cancel")
    calls = await joined.press(CONTESTANT, button(confirmation, HAND_IN))
    assert report_of(answered=3, minutes=20) in last_text(calls)
    assert zh("Start the mock exam") in buttons(await joined.send(CONTESTANT, "/exam"))


async def test_keep_going_asks_the_next_question_again(joined: Telegram) -> None:
    await three_answered(joined)
    confirmation = await joined.send(CONTESTANT, "/cancel")
    calls = await joined.press(CONTESTANT, button(confirmation, KEEP_GOING))
    assert number(calls) == 4
    assert number(await answer_right(joined, calls)) == 5


async def test_a_confirmation_counts_once(joined: Telegram) -> None:
    await three_answered(joined)
    confirm = button(await joined.send(CONTESTANT, "/cancel"), HAND_IN)
    await joined.press(CONTESTANT, confirm)
    assert is_alert(await joined.press(CONTESTANT, confirm))


async def test_handing_in_early_withdraws_the_ten_minutes_and_time_up_notes(
    joined: Telegram,
) -> None:
    await three_answered(joined)
    await joined.press(CONTESTANT, button(await joined.send(CONTESTANT, "/cancel"), HAND_IN))
    exam, _ = await exam_of(joined)
    async with database(joined).unit_of_work() as uow:
        assert await uow.outbox.claim_due(exam.deadline, 10) == []


async def test_someone_else_cannot_hand_in_my_exam(joined: Telegram) -> None:
    await three_answered(joined)
    exam, _ = await exam_of(joined)
    forged = ExamEnd(exam=exam.id, step=ExamEndStep.CONFIRM).pack()
    assert is_alert(await joined.press(LEADER, forged))


async def test_cancel_without_an_exam_still_says_there_is_nothing_to_cancel(
    joined: Telegram,
) -> None:
    assert await joined.ask(CONTESTANT, "/cancel") == zh("There is nothing to cancel.")


# Time left: from the stored deadline, on the contest clock, whichever way the clock jumps.


@pytest.mark.parametrize(
    ("jump", "minutes"),
    [
        (timedelta(days=-800), 90),  # the clock moved back before the exam started
        (timedelta(minutes=-1), 90),
        (timedelta(0), 90),
        (timedelta(minutes=30), 60),
        (timedelta(minutes=89, seconds=30), 1),
    ],
)
async def test_the_time_left_never_exceeds_the_paper_nor_goes_negative(
    joined: Telegram, jump: timedelta, minutes: int
) -> None:
    joined.clock.moment = EVENING_BEFORE
    await started(joined)
    joined.clock.moment = EVENING_BEFORE + jump
    assert last_text(await joined.send(CONTESTANT, "/exam")).startswith(header(1, minutes))


async def test_past_the_deadline_the_exam_ends_at_its_deadline_and_is_graded(
    joined: Telegram,
) -> None:
    await three_answered(joined)
    joined.clock.moment += timedelta(days=800)
    calls = await joined.send(CONTESTANT, "/exam")
    report = next(c.text for c in calls if isinstance(c, SendMessage))
    assert report_of(answered=3, minutes=90) in report


async def test_a_button_pressed_after_the_deadline_grades_the_exam_at_its_deadline(
    joined: Telegram,
) -> None:
    calls = await three_answered(joined)
    joined.clock.moment += timedelta(hours=3)
    calls = await joined.press(CONTESTANT, button(calls, HAND_IN))
    assert report_of(answered=3, minutes=90) in last_text(calls)
