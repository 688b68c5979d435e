"""/practice: a question of the chosen kind, answered with a tap or by typing, then graded.

Buttons carry question ids and option numbers only, never whether an option is right. An
attempt is the question message itself, so a double tap or a repeated update counts once.
"""

import random
from datetime import datetime
from typing import Any

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.enums import QuestionType
from bot.domain.grading.answers import Answer, ChoiceAnswer, TruthAnswer, typed_answer
from bot.domain.grading.grade import GradingError
from bot.domain.practice_plan import DAILY, DAILY_NEXT, DailySet
from bot.domain.problems import N_
from bot.domain.questions import Question
from bot.services.practice import (
    answer,
    daily_set_question,
    mistakes,
    next_question,
    notebook_question,
    review_question,
    stats,
)
from bot.texts.practice import question_text, stats_text
from bot.texts.practice_plan import daily_done_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.key_reports.callbacks import ReportKey
from handlers.practice.callbacks import PracticeChoice, PracticeKind, PracticeSubmit, PracticeTopics
from handlers.practice.gate import GATED, PracticeGate
from handlers.practice.menu import ANY, MISTAKES, REVIEW, choose_topic, known_kind, topic_of
from handlers.practice.views import (
    NONE_OF_THAT_KIND,
    NOTEBOOK_EMPTY,
    NOTHING_DUE,
    feedback_view,
    notebook_view,
    options,
)
from handlers.queries import chat_of, close_buttons, take_choice
from handlers.request import Request

MAX_ANSWER = 3000


class Practising(StatesGroup):
    typing = State()  # a fill-in, short answer or essay question awaits the typed answer


def create_router() -> Router:
    router = Router(name="practice")
    router.message.register(review_due, IsCommand(Command.REVIEW), flags=GATED)
    router.message.register(notebook, IsCommand(Command.MISTAKES), flags=GATED)
    router.message.register(show_stats, IsCommand(Command.STATS))
    router.message.register(typed, StateFilter(Practising.typing), PlainText(), flags=GATED)
    router.callback_query.register(pick_kind, PracticeKind.filter())
    router.callback_query.register(choose, PracticeChoice.filter())
    router.callback_query.register(submit, PracticeSubmit.filter())
    router.callback_query.register(choose_topic, PracticeTopics.filter())
    router.message.middleware(PracticeGate())
    router.callback_query.middleware(PracticeGate())
    return router


async def pick_kind(query: CallbackQuery, callback_data: PracticeKind, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    if (
        person is None
        or snapshot is None
        or not _may(request)
        or not known_kind(snapshot, person, callback_data.kind)  # forged, or a topic now gone
    ):
        await stale_button(query, request)
        return
    if not await take_choice(query, request, keep=(ReportKey,)):
        return
    await query.answer()
    await _ask(request, chat_of(query), callback_data.kind)


async def review_due(message: Message, request: Request) -> None:
    """/review: the questions spaced repetition says are due now."""
    await _ask(request, message.chat.id, REVIEW)


async def notebook(message: Message, request: Request) -> None:
    """/mistakes: the questions last answered wrong, and a button to practise them."""
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if person is None or snapshot is None:
        await message.answer(request.no_contest())
        return
    codes = await request.call(mistakes, person)
    text, buttons = notebook_view(t, len(codes))
    await message.answer(text, reply_markup=buttons)


async def show_stats(message: Message, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    if person is None or snapshot is None:
        await message.answer(request.no_contest())
        return
    found = await request.call(stats, snapshot, person, request.now())
    await message.answer(stats_text(request.t, found))


async def _ask(request: Request, chat_id: int, kind_text: str) -> None:
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if person is None or snapshot is None or person.id is None:
        await request.bot.send_message(chat_id, request.no_contest())
        return
    now, daily, empty = request.now(), None, NONE_OF_THAT_KIND
    if kind_text == REVIEW:
        question = await request.call(review_question, snapshot, person, now)
        empty = NOTHING_DUE
    elif kind_text == MISTAKES:
        question = await request.call(notebook_question, snapshot, person)
        empty = NOTEBOOK_EMPTY
    elif kind_text in (DAILY, DAILY_NEXT):
        # The set under way, unless the dialogue lost it in a restart.
        data = await request.state.get_data() if kind_text == DAILY_NEXT else {}
        daily, question = await request.call(daily_set_question, snapshot, person,
                                             DailySet.restored(data.get("daily")), now,
                                             random.Random())  # fmt: skip
        if daily.left <= 0:
            await request.bot.send_message(chat_id, daily_done_text(t, daily))
            return
    else:
        kind, topic = _kind(kind_text), topic_of(snapshot, person, kind_text)
        question = await request.call(next_question, snapshot, person, kind, random.Random(), topic)
    if question is None or question.id is None:
        await request.bot.send_message(chat_id, t(empty))
        return
    sent = await request.bot.send_message(
        chat_id, question_text(t, question), reply_markup=options(t, question)
    )
    await request.state.set_state(Practising.typing if _typed(question) else None)
    await request.state.set_data({"question": question.id, "attempt": sent.message_id,
                                  "kind": DAILY_NEXT if daily else kind_text, "chosen": [],
                                  "asked": now.isoformat(),
                                  "daily": daily.stored() if daily else None})  # fmt: skip


async def choose(query: CallbackQuery, callback_data: PracticeChoice, request: Request) -> None:
    """A tap on an option: single choice and true/false are answered; multiple toggles."""
    question = _question(request, callback_data.question)
    data = await request.state.get_data()
    if question is None or not _may(request) or not isinstance(query.message, Message):
        await stale_button(query, request)
        return
    if question.type is QuestionType.MULTIPLE:
        chosen = set(data.get("chosen", [])) if data.get("question") == question.id else set()
        chosen ^= {callback_data.option}
        await request.state.update_data(chosen=sorted(chosen))
        await query.answer()
        await query.message.edit_reply_markup(reply_markup=options(request.t, question, chosen))
        return
    given: Answer = (
        TruthAnswer(callback_data.option == 1) if question.type is QuestionType.TRUE_FALSE
        else ChoiceAnswer.of(callback_data.option)
    )  # fmt: skip
    await _grade(query, request, question, given, _attempt(data, question, query.message), data)


async def submit(query: CallbackQuery, callback_data: PracticeSubmit, request: Request) -> None:
    question = _question(request, callback_data.question)
    data = await request.state.get_data()
    if (
        question is None
        or not isinstance(query.message, Message)
        or data.get("question") != question.id
    ):
        await stale_button(query, request)
        return
    given = ChoiceAnswer(frozenset(data.get("chosen", [])))
    await _grade(query, request, question, given, _attempt(data, question, query.message), data)


async def typed(message: Message, request: Request) -> None:
    """The typed answer to a fill-in, short answer or essay question."""
    data = await request.state.get_data()
    question = _question(request, int(data.get("question", 0)))
    text = (message.text or "").strip()
    if question is None or not text:
        await request.state.clear()
        await message.answer(request.t(N_("This question has expired; /practice starts again.")))
        return
    if len(text) > MAX_ANSWER:
        await message.answer(request.t(N_("Please keep the answer under {limit} characters."),
                                       limit=MAX_ANSWER))  # fmt: skip
        return
    await _grade(
        message, request, question, typed_answer(question, text), int(data.get("attempt", 0)), data
    )


async def _grade(
    event: CallbackQuery | Message,
    request: Request,
    question: Question,
    given: Answer,
    attempt: int,
    data: dict[str, Any],
) -> None:
    """Grades `given` and answers with the verdict; `data` is the dialogue's, as read when the
    answer came."""
    person, t = request.viewer.person, request.t
    if person is None:  # only someone in the contest has a question to answer
        if isinstance(event, CallbackQuery):
            await stale_button(event, request)
        else:
            await event.answer(request.no_contest())
        return
    try:
        graded = await request.call(answer, person, question, f"{question.id}:{attempt}", given,
                                    request.now(), request.app.segmenter, request.app.reviews,
                                    _seconds(request, data))  # fmt: skip
    except GradingError as error:
        reply = t(error.message, **error.params)
        await (
            event.answer(reply, show_alert=True)
            if isinstance(event, CallbackQuery)
            else event.answer(reply)
        )
        return
    kind = data.get("kind", ANY)
    # The question stays remembered (not the typing step), so a second tap is the same attempt.
    await request.state.set_state(None)
    if isinstance(event, CallbackQuery):
        if not graded.counted:
            await event.answer(t(N_("You answered this question already.")))
            return
        await event.answer()
        await close_buttons(event)
    daily = DailySet.restored(data.get("daily")) if graded.counted else None
    if daily is not None:
        daily = daily.answered(question.code, graded.grade.correct)
        await request.state.update_data(daily=daily.stored())
    text, next_buttons = feedback_view(t, question, graded.grade, kind, daily, more=ANY)
    chat = chat_of(event) if isinstance(event, CallbackQuery) else event.chat.id
    await request.bot.send_message(chat, text, reply_markup=next_buttons)


def _attempt(data: dict[str, Any], question: Question, message: Message) -> int:
    """The question message answered: it makes the attempt, so a second tap on it is the same
    attempt (the dialogue remembers it; an older message is known by its own id)."""
    if data.get("question") == question.id and data.get("attempt"):
        return int(data["attempt"])
    return message.message_id


def _seconds(request: Request, data: dict[str, Any]) -> float | None:
    """How long the answer took, for the spaced-repetition rating."""
    asked = data.get("asked")
    return (request.now() - datetime.fromisoformat(asked)).total_seconds() if asked else None


def _may(request: Request) -> bool:
    return request.viewer.person is not None and allowed(request.viewer.role, Command.PRACTICE)


def _kind(value: str) -> QuestionType | None:
    """The question type a kind names; None for any type (and for a topic)."""
    try:
        return QuestionType(value)
    except ValueError:
        return None


def _typed(question: Question) -> bool:
    return question.type in (QuestionType.FILL_IN, QuestionType.SHORT_ANSWER, QuestionType.ESSAY)


def _question(request: Request, question_id: int) -> Question | None:
    return request.snapshot.questions_by_id.get(question_id) if request.snapshot else None
