"""/exam: a timed mock exam drawn from the blueprint. Nothing is graded aloud until the end;
the deadline is enforced, and the exam carries on after a restart from what is stored."""

import random

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.enums import QuestionType
from bot.domain.grading.answers import Answer, ChoiceAnswer, TruthAnswer, typed_answer
from bot.domain.problems import N_
from bot.domain.questions import Question
from bot.domain.snapshot import ContestSnapshot
from bot.services.exam_session import (
    ExamAnswer,
    ExamOver,
    ExamProgress,
    ExamStep,
    HandIn,
    begin_exam,
    end_exam,
    hand_in_offer,
    open_exam,
    take_answer,
)
from handlers.exam.callbacks import ExamChoice, ExamEnd, ExamEndStep, ExamStart, ExamSubmit
from handlers.exam.views import (
    TIME_IS_UP,
    hand_in_view,
    offer_view,
    options,
    question_view,
    report_view,
)
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.practice.gate import GATED, PracticeGate
from handlers.queries import chat_of, close_buttons
from handlers.request import Request

TYPED = (QuestionType.FILL_IN, QuestionType.SHORT_ANSWER, QuestionType.ESSAY)


class Examining(StatesGroup):
    typing = State()


def create_router() -> Router:
    router = Router(name="exam")
    router.message.register(show, IsCommand(Command.EXAM), flags=GATED)
    router.message.register(typed, StateFilter(Examining.typing), PlainText(), flags=GATED)
    router.callback_query.register(begin, ExamStart.filter())
    router.callback_query.register(choose, ExamChoice.filter())
    router.callback_query.register(submit_chosen, ExamSubmit.filter())
    router.callback_query.register(end, ExamEnd.filter())
    router.message.middleware(PracticeGate())
    router.callback_query.middleware(PracticeGate())
    return router


async def show(message: Message, request: Request) -> None:
    """/exam: carry on with the running exam, or report the last one and offer a new one."""
    person, snapshot = request.viewer.person, request.snapshot
    if person is None or snapshot is None or person.id is None:
        await message.answer(request.no_contest())
        return
    opening = await request.call(open_exam, snapshot, person, request.now())
    if opening.running is not None:
        await _show(request, message.chat.id, snapshot, opening.running)
        return
    if opening.timed_out is not None:  # ran out of time
        await request.bot.send_message(
            message.chat.id, report_view(request.t, opening.timed_out, snapshot)
        )
    text, buttons = offer_view(request.t)
    await message.answer(text, reply_markup=buttons)


async def begin(query: CallbackQuery, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    if person is None or snapshot is None or not allowed(request.viewer.role, Command.EXAM):
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    step = await request.call(
        begin_exam, snapshot, person, request.now(), random.Random(), request.app.views
    )
    await _show(request, chat_of(query), snapshot, step)


async def choose(query: CallbackQuery, callback_data: ExamChoice, request: Request) -> None:
    """A tap on an option: single choice and true/false are answered; multiple toggles."""
    person, snapshot, option = request.viewer.person, request.snapshot, callback_data.option

    def answer_of(question: Question) -> Answer | None:
        if question.type is QuestionType.MULTIPLE:
            return None
        if question.type is QuestionType.TRUE_FALSE:
            return TruthAnswer(option == 1)
        return ChoiceAnswer.of(option)

    taken = None
    if person is not None and snapshot is not None and isinstance(query.message, Message):
        taken = await request.call(take_answer, snapshot, person, callback_data.exam,
                                   callback_data.index, answer_of, request.now(),
                                   request.app.segmenter)  # fmt: skip
    if taken is None or snapshot is None or not isinstance(query.message, Message):
        await stale_button(query, request)
        return
    if taken.question.type is QuestionType.MULTIPLE:
        data = await request.state.get_data()
        chosen = set(data.get("chosen", [])) if data.get("index") == callback_data.index else set()
        chosen ^= {option}
        await request.state.set_data({"exam": taken.exam.id, "index": callback_data.index,
                                      "chosen": sorted(chosen)})  # fmt: skip
        await query.answer()
        buttons = options(request.t, taken.exam.id, callback_data.index, taken.question, chosen)
        await query.message.edit_reply_markup(reply_markup=buttons)
        return
    await query.answer()
    await close_buttons(query)
    await _taken(request, chat_of(query), snapshot, taken)


async def submit_chosen(query: CallbackQuery, callback_data: ExamSubmit, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    data = await request.state.get_data()
    chosen = ChoiceAnswer(frozenset(data.get("chosen", [])))
    taken = None
    if person is not None and snapshot is not None and data.get("index") == callback_data.index:
        taken = await request.call(take_answer, snapshot, person, callback_data.exam,
                                   callback_data.index, lambda _: chosen, request.now(),
                                   request.app.segmenter)  # fmt: skip
    if taken is None or snapshot is None:
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    await _taken(request, chat_of(query), snapshot, taken)


async def typed(message: Message, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    data = await request.state.get_data()
    text = (message.text or "").strip()
    taken = None
    if person is not None and snapshot is not None and text:
        taken = await request.call(take_answer, snapshot, person, int(data.get("exam", 0)),
                                   int(data.get("index", -1)),
                                   lambda question: typed_answer(question, text), request.now(),
                                   request.app.segmenter)  # fmt: skip
    if taken is None or snapshot is None:
        await request.state.clear()
        await message.answer(request.t(N_("This question has expired; /exam continues.")))
        return
    await _taken(request, message.chat.id, snapshot, taken)


async def offer_hand_in(message: Message, request: Request) -> bool:
    """/cancel during a mock exam: asks whether to hand it in. False when no exam is running
    (or another dialogue is open), so /cancel does what it always does."""
    person = request.viewer.person
    state = await request.state.get_state()
    if person is None or request.snapshot is None or state not in (None, Examining.typing):
        return False
    offer = await request.call(hand_in_offer, person, request.now())
    if offer is None:
        return False
    await _confirm_hand_in(request, message.chat.id, offer)
    return True


async def end(query: CallbackQuery, callback_data: ExamEnd, request: Request) -> None:
    """Hand in → confirm or keep going. The exam must be the viewer's and not handed in yet."""
    person, snapshot = request.viewer.person, request.snapshot
    ending = None
    if person is not None and snapshot is not None:
        ending = await request.call(end_exam, snapshot, person, callback_data.exam,
                                    HandIn(callback_data.step.value), request.now())  # fmt: skip
    if ending is None or snapshot is None:
        await stale_button(query, request)
        return
    await query.answer()
    chat_id = chat_of(query)
    if ending.asking is not None:
        await _confirm_hand_in(request, chat_id, ending.asking)
        return
    await close_buttons(query)
    if callback_data.step is ExamEndStep.CONFIRM:
        await request.state.clear()
    if ending.next is not None:
        await _show(request, chat_id, snapshot, ending.next)


async def _confirm_hand_in(request: Request, chat_id: int, progress: ExamProgress) -> None:
    text, buttons = hand_in_view(request.t, progress)
    await request.bot.send_message(chat_id, text, reply_markup=buttons)


async def _taken(
    request: Request, chat_id: int, snapshot: ContestSnapshot, taken: ExamAnswer
) -> None:
    """After an answer: a grading problem, or the next question (or the report)."""
    t = request.t
    if taken.error is not None:
        await request.bot.send_message(chat_id, t(taken.error.message, **taken.error.params))
        return
    await request.state.clear()
    if taken.late:
        await request.bot.send_message(chat_id, t(TIME_IS_UP))
    if taken.next is not None:
        await _show(request, chat_id, snapshot, taken.next)


async def _show(request: Request, chat_id: int, snapshot: ContestSnapshot, step: ExamStep) -> None:
    if isinstance(step, ExamOver):
        if step.timed_out:  # the clock passed the deadline: it ended there
            await request.state.clear()
        await request.bot.send_message(chat_id, report_view(request.t, step.report, snapshot))
        return
    text, buttons = question_view(request.t, step, request.now())
    await request.bot.send_message(chat_id, text, reply_markup=buttons)
    if step.question.type in TYPED:
        await request.state.set_state(Examining.typing)
    await request.state.update_data(exam=step.exam.id, index=step.index, chosen=[])
