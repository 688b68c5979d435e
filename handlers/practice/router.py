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
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.enums import QuestionType
from bot.domain.grading.answers import Answer, ChoiceAnswer, TruthAnswer, typed_answer
from bot.domain.grading.grade import GradingError
from bot.domain.practice_plan import DAILY_NEXT, DailySet
from bot.domain.problems import N_, N_plural
from bot.domain.questions import Question
from bot.services.practice import answer, daily_question, mistakes, next_question, pick, stats
from bot.services.reviews import due_questions
from bot.services.segmenter import cached_segment
from bot.texts.practice import feedback_text, question_text, stats_text
from bot.texts.practice_plan import daily_done_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.key_reports.callbacks import ReportKey
from handlers.keyboards import answer_buttons, button, markup
from handlers.practice.callbacks import PracticeChoice, PracticeKind, PracticeSubmit, PracticeTopics
from handlers.practice.gate import GATED, PracticeGate
from handlers.practice.menu import (
    ANY,
    MISTAKES,
    REVIEW,
    choose_topic,
    daily_set,
    known_kind,
    topic_of,
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
    codes = await mistakes(request.work, person)
    if not codes:
        await message.answer(t(N_("Your notebook is empty: no question is waiting to be "
                                  "answered right.")))  # fmt: skip
        return
    await message.answer(
        t(N_plural("{count} question in your notebook; it leaves it once you answer it right.",
                   "{count} questions in your notebook; each leaves it once you answer it right."),
          count=len(codes)),
        reply_markup=markup([button(t(N_("Practise them ▶")), PracticeKind(kind=MISTAKES))]),
    )  # fmt: skip


async def show_stats(message: Message, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    if person is None or snapshot is None:
        await message.answer(request.no_contest())
        return
    found = await stats(request.work, snapshot, person, request.now())
    await message.answer(stats_text(request.t, found))


async def _ask(request: Request, chat_id: int, kind_text: str) -> None:
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if person is None or snapshot is None or person.id is None:
        await request.bot.send_message(chat_id, request.no_contest())
        return
    now, uow = request.now(), request.work
    daily = await daily_set(request, person.id, kind_text)
    empty = N_("There is no question of that kind yet.")
    if kind_text == REVIEW:
        question = await pick(uow, snapshot, person, await due_questions(uow, person.id, now))
        empty = N_("Nothing is due for review now. /practice has new questions.")
    elif kind_text == MISTAKES:
        question = await pick(uow, snapshot, person, await mistakes(uow, person))
        empty = N_("Your notebook is empty: no question is waiting to be answered right.")
    elif daily is not None:
        if daily.left <= 0:
            await request.bot.send_message(chat_id, daily_done_text(t, daily))
            return
        question = await daily_question(uow, snapshot, person, now, random.Random(), daily.asked)
    else:
        kind, topic = _kind(kind_text), topic_of(snapshot, person, kind_text)
        question = await next_question(uow, snapshot, person, kind, random.Random(), topic)
    if question is None or question.id is None:
        await request.bot.send_message(chat_id, t(empty))
        return
    sent = await request.bot.send_message(
        chat_id, question_text(t, question), reply_markup=_options(request, question)
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
        await query.message.edit_reply_markup(reply_markup=_options(request, question, chosen))
        return
    given: Answer = (
        TruthAnswer(callback_data.option == 1) if question.type is QuestionType.TRUE_FALSE
        else ChoiceAnswer.of(callback_data.option)
    )  # fmt: skip
    await _grade(query, request, question, given, _attempt(data, question, query.message))


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
    await _grade(query, request, question, given, _attempt(data, question, query.message))


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
        message, request, question, typed_answer(question, text), int(data.get("attempt", 0))
    )


async def _grade(
    event: CallbackQuery | Message,
    request: Request,
    question: Question,
    given: Answer,
    attempt: int,
) -> None:
    person, t = request.viewer.person, request.t
    assert person is not None
    try:
        graded = await answer(request.work, person, question, f"{question.id}:{attempt}", given,
                              request.now(), cached_segment, await _seconds(request))  # fmt: skip
    except GradingError as error:
        reply = t(error.message, **error.params)
        await (
            event.answer(reply, show_alert=True)
            if isinstance(event, CallbackQuery)
            else event.answer(reply)
        )
        return
    data = await request.state.get_data()
    kind = data.get("kind", ANY)
    # The question stays remembered (not the typing step), so a second tap is the same attempt.
    await request.state.set_state(None)
    if isinstance(event, CallbackQuery):
        if not graded.counted:
            await event.answer(t(N_("You answered this question already.")))
            return
        await event.answer()
        await close_buttons(event)
    text = feedback_text(t, question, graded.grade)
    next_label = t(N_("Next question ▶"))
    daily = DailySet.restored(data.get("daily")) if graded.counted else None
    if daily is not None:
        daily = daily.answered(question.code, graded.grade.correct)
        await request.state.update_data(daily=daily.stored())
        if daily.left > 0:
            next_label = t(N_("Next question ▶ ({left} left)"), left=daily.left)
        else:
            text, kind, next_label = (f"{text}\n\n{daily_done_text(t, daily)}", ANY,
                                      t(N_("More practice ▶")))  # fmt: skip
    next_button = markup(
        [button(next_label, PracticeKind(kind=kind))],
        [button(t(N_("⚑ The answer key looks wrong")), ReportKey(question=question.id or 0))],
    )
    chat = chat_of(event) if isinstance(event, CallbackQuery) else event.chat.id
    await request.bot.send_message(chat, text, reply_markup=next_button)


def _attempt(data: dict[str, Any], question: Question, message: Message) -> int:
    """The question message answered: it makes the attempt, so a second tap on it is the same
    attempt (the dialogue remembers it; an older message is known by its own id)."""
    if data.get("question") == question.id and data.get("attempt"):
        return int(data["attempt"])
    return message.message_id


async def _seconds(request: Request) -> float | None:
    """How long the answer took, for the spaced-repetition rating."""
    asked = (await request.state.get_data()).get("asked")
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


def _options(
    request: Request, question: Question, chosen: set[int] | None = None
) -> InlineKeyboardMarkup | None:
    qid = question.id or 0
    return answer_buttons(
        request.t, question, lambda n: PracticeChoice(question=qid, option=n),
        PracticeSubmit(question=qid), chosen,
    )  # fmt: skip
