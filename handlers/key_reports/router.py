"""Reporting a wrong answer key (a button under every explanation) and the organizers'
/reports inbox; the fix itself goes through the question workbook."""

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.key_reports import MAX_REASON
from bot.domain.problems import N_
from bot.services.key_reports import open_reports, report_key, resolve_report
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.key_reports.callbacks import ReportKey, ResolveReport
from handlers.key_reports.views import inbox_view
from handlers.queries import chat_of
from handlers.request import Request


class Reporting(StatesGroup):
    reason = State()


def create_router() -> Router:
    router = Router(name="key_reports")
    router.message.register(inbox, IsCommand(Command.REPORTS))
    router.message.register(reason, StateFilter(Reporting.reason), PlainText())
    router.callback_query.register(start, ReportKey.filter())
    router.callback_query.register(resolve, ResolveReport.filter())
    return router


async def start(query: CallbackQuery, callback_data: ReportKey, request: Request) -> None:
    snapshot = request.snapshot
    question = snapshot.questions_by_id.get(callback_data.question) if snapshot else None
    if question is None or not allowed(request.viewer.role, Command.PRACTICE):
        await stale_button(query, request)
        return
    await query.answer()
    await request.state.set_state(Reporting.reason)
    await request.state.set_data({"question": question.code})
    await request.bot.send_message(
        chat_of(query), request.t(N_("What is wrong with the answer key? Send it in one message "
                                     "(or /cancel)."))
    )  # fmt: skip


async def reason(message: Message, request: Request) -> None:
    person, t = request.viewer.person, request.t
    code = (await request.state.get_data()).get("question", "")
    text = (message.text or "").strip()[:MAX_REASON]
    await request.state.clear()
    if person is None or person.id is None or not code or not text:
        await message.answer(t(N_("This button is no longer valid.")))
        return
    await request.call(report_key, person.id, code, text, request.now())
    await message.answer(t(N_("Thank you: the organizers will check question {code}."), code=code))


async def inbox(message: Message, request: Request) -> None:
    reports = await request.call(open_reports)
    text, buttons = inbox_view(request.t, request.snapshot, reports)
    await message.answer(text, reply_markup=buttons)


async def resolve(query: CallbackQuery, callback_data: ResolveReport, request: Request) -> None:
    if not allowed(request.viewer.role, Command.REPORTS):
        await stale_button(query, request)
        return
    result = await request.call(resolve_report, callback_data.id, request.now())
    answer = N_("Marked as resolved.") if result.done else N_("Already resolved.")
    await query.answer(request.t(answer))
    text, buttons = inbox_view(request.t, request.snapshot, result.still_open)
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=buttons)
