"""/exam: a timed mock exam drawn from the blueprint. Nothing is graded aloud until the end;
the deadline is enforced, and the exam carries on after a restart from what is stored."""

import math
import random

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.enums import QuestionType
from bot.domain.exams import Exam, next_unanswered
from bot.domain.grading.answers import Answer, ChoiceAnswer, TruthAnswer, typed_answer
from bot.domain.grading.grade import GradingError
from bot.domain.problems import N_
from bot.domain.questions import Question
from bot.services.exams import (
    BLUEPRINT,
    ExamOverError,
    current,
    finish,
    progress,
    start,
    submit,
)
from bot.services.segmenter import cached_segment
from bot.texts.exams import report_text
from bot.texts.practice import question_text
from handlers.exam.callbacks import ExamChoice, ExamEnd, ExamEndStep, ExamStart, ExamSubmit
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.keyboards import answer_buttons, button, markup
from handlers.practice.gate import GATED, PracticeGate
from handlers.queries import chat_of, close_buttons
from handlers.request import Request


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
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if person is None or snapshot is None or person.id is None:
        await message.answer(request.no_contest())
        return
    running = await current(request.work, person, request.now())
    if running is not None:
        await _ask_next(request, message.chat.id, running)
        return
    latest = await request.work.exams.latest(person.id)
    if latest is not None and latest.finished_at is None:  # ran out of time
        await _report(request, message.chat.id, latest)
    await message.answer(
        t(N_("A mock exam follows the real paper: {count} questions in {minutes} minutes. "
             "Answers are graded at the end."),
          count=sum(n for _, n in BLUEPRINT.counts),
          minutes=int(BLUEPRINT.duration.total_seconds() // 60)),
        reply_markup=markup([button(t(N_("Start the mock exam")), ExamStart())]),
    )  # fmt: skip


async def begin(query: CallbackQuery, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    if person is None or snapshot is None or not allowed(request.viewer.role, Command.EXAM):
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    exam = await start(
        request.work, snapshot, person, request.now(), random.Random(), request.app.views
    )
    await _ask_next(request, chat_of(query), exam)


async def choose(query: CallbackQuery, callback_data: ExamChoice, request: Request) -> None:
    exam, question = await _mine(request, callback_data.exam, callback_data.index)
    if exam is None or question is None or not isinstance(query.message, Message):
        await stale_button(query, request)
        return
    if question.type is QuestionType.MULTIPLE:
        data = await request.state.get_data()
        chosen = set(data.get("chosen", [])) if data.get("index") == callback_data.index else set()
        chosen ^= {callback_data.option}
        await request.state.set_data({"exam": exam.id, "index": callback_data.index,
                                      "chosen": sorted(chosen)})  # fmt: skip
        await query.answer()
        buttons = _options(request, exam, callback_data.index, question, chosen)
        await query.message.edit_reply_markup(reply_markup=buttons)
        return
    given: Answer = (
        TruthAnswer(callback_data.option == 1) if question.type is QuestionType.TRUE_FALSE
        else ChoiceAnswer.of(callback_data.option)
    )  # fmt: skip
    await query.answer()
    await close_buttons(query)
    await _take(request, chat_of(query), exam, question, given)


async def submit_chosen(query: CallbackQuery, callback_data: ExamSubmit, request: Request) -> None:
    exam, question = await _mine(request, callback_data.exam, callback_data.index)
    data = await request.state.get_data()
    if exam is None or question is None or data.get("index") != callback_data.index:
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    given = ChoiceAnswer(frozenset(data.get("chosen", [])))
    await _take(request, chat_of(query), exam, question, given)


async def typed(message: Message, request: Request) -> None:
    data = await request.state.get_data()
    exam, question = await _mine(request, int(data.get("exam", 0)), int(data.get("index", -1)))
    text = (message.text or "").strip()
    if exam is None or question is None or not text:
        await request.state.clear()
        await message.answer(request.t(N_("This question has expired; /exam continues.")))
        return
    await _take(request, message.chat.id, exam, question, typed_answer(question, text))


async def offer_hand_in(message: Message, request: Request) -> bool:
    """/cancel during a mock exam: asks whether to hand it in. False when no exam is running
    (or another dialogue is open), so /cancel does what it always does."""
    person = request.viewer.person
    state = await request.state.get_state()
    if person is None or request.snapshot is None or state not in (None, Examining.typing):
        return False
    running = await current(request.work, person, request.now())
    if running is None:
        return False
    await _confirm_hand_in(request, message.chat.id, running)
    return True


async def end(query: CallbackQuery, callback_data: ExamEnd, request: Request) -> None:
    """Hand in → confirm or keep going. The exam must be the viewer's and not handed in yet."""
    exam, _ = await _mine(request, callback_data.exam, 0)
    if exam is None or exam.finished_at is not None:
        await stale_button(query, request)
        return
    await query.answer()
    chat_id = chat_of(query)
    if callback_data.step is ExamEndStep.ASK and not exam.over(request.now()):
        await _confirm_hand_in(request, chat_id, exam)
        return
    await close_buttons(query)
    if callback_data.step is ExamEndStep.CONFIRM:
        await request.state.clear()
        await _report(request, chat_id, exam)
        return
    await _ask_next(request, chat_id, exam)


async def _confirm_hand_in(request: Request, chat_id: int, exam: Exam) -> None:
    t = request.t
    answered, asked = await progress(request.work, exam)
    text = t(
        N_("Hand in your mock exam now? You have answered {answered} of {asked} questions; "
           "the others score nothing."),
        answered=answered, asked=asked,
    )  # fmt: skip
    buttons = markup([
        button(t(N_("Hand in")), ExamEnd(exam=exam.id, step=ExamEndStep.CONFIRM)),
        button(t(N_("Keep going")), ExamEnd(exam=exam.id, step=ExamEndStep.KEEP)),
    ])  # fmt: skip
    await request.bot.send_message(chat_id, text, reply_markup=buttons)


async def _take(
    request: Request, chat_id: int, exam: Exam, question: Question, given: Answer
) -> None:
    t = request.t
    try:
        await submit(request.work, exam, question, given, request.now(), cached_segment)
    except ExamOverError:
        await request.state.clear()
        await request.bot.send_message(
            chat_id, t(N_("Time is up: answers after the deadline do not count."))
        )
        await _report(request, chat_id, exam)
        return
    except GradingError as error:
        await request.bot.send_message(chat_id, t(error.message, **error.params))
        return
    await request.state.clear()
    await _ask_next(request, chat_id, exam)


async def _ask_next(request: Request, chat_id: int, exam: Exam) -> None:
    if exam.over(request.now()):  # the clock passed the deadline: it ended there
        await request.state.clear()
        await _report(request, chat_id, exam)
        return
    answered = await request.work.exams.answers(exam.id)
    code = next_unanswered(exam, list(answered))
    if code is None:
        await _report(request, chat_id, exam)
        return
    assert request.snapshot is not None
    question = request.snapshot.questions[code]
    index = exam.questions.index(code)
    left = math.ceil(exam.time_left(request.now()).total_seconds() / 60)
    header = request.t(N_("Question {number} of {count} · {minutes} min left"),
                       number=index + 1, count=len(exam.questions), minutes=left)  # fmt: skip
    text = f"{header}\n{question_text(request.t, question)}"
    await request.bot.send_message(
        chat_id, text, reply_markup=_options(request, exam, index, question)
    )
    if question.type in (QuestionType.FILL_IN, QuestionType.SHORT_ANSWER, QuestionType.ESSAY):
        await request.state.set_state(Examining.typing)
    await request.state.update_data(exam=exam.id, index=index, chosen=[])


async def _report(request: Request, chat_id: int, exam: Exam) -> None:
    assert request.snapshot is not None
    result = await finish(request.work, request.snapshot, exam, request.now())
    await request.bot.send_message(
        chat_id, report_text(request.t, result, request.snapshot.questions)
    )


async def _mine(request: Request, exam_id: int, index: int) -> tuple[Exam | None, Question | None]:
    """The exam, if it is the viewer's; and its question at `index`."""
    person, snapshot = request.viewer.person, request.snapshot
    exam = await request.work.exams.get(exam_id) if person and snapshot else None
    if exam is None or person is None or exam.person_id != person.id or snapshot is None:
        return None, None
    if not 0 <= index < len(exam.questions):
        return exam, None
    code = exam.questions[index]
    return exam, snapshot.questions.get(code)


def _options(
    request: Request, exam: Exam, index: int, question: Question, chosen: set[int] | None = None
) -> InlineKeyboardMarkup:
    """The question's answer buttons, then Hand in."""
    answers = answer_buttons(
        request.t, question, lambda n: ExamChoice(exam=exam.id, index=index, option=n),
        ExamSubmit(exam=exam.id, index=index), chosen,
    )  # fmt: skip
    hand_in = button(request.t(N_("Hand in")), ExamEnd(exam=exam.id, step=ExamEndStep.ASK))
    rows = answers.inline_keyboard if answers else []
    return markup(*rows, [hand_in])
