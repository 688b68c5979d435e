"""/exam: a mock exam end to end on the demo bank — a restart in the middle, the deadline."""

from datetime import datetime, timedelta
from typing import Any

from aiogram.methods import SendMessage, TelegramMethod

from bot.app import create_context, create_dispatcher
from bot.domain.enums import QuestionType
from bot.domain.exams import Exam
from bot.domain.questions import Question, option_letter
from handlers.keyboards import ExamChoice
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
    joined.dispatcher = create_dispatcher(create_context(app.settings, app.database, joined.clock))
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
