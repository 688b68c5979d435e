"""Reporting a wrong answer key (a button under every explanation) and the organizers'
/reports inbox; the fix itself goes through the question workbook."""

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.key_reports import MAX_REASON
from bot.domain.problems import N_
from bot.texts.texts import html
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.key_reports.callbacks import ReportKey, ResolveReport
from handlers.keyboards import button, markup
from handlers.queries import chat_of
from handlers.request import Request

SHOWN = 10


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
    await request.work.key_reports.report(person.id, code, text, request.now())
    await message.answer(t(N_("Thank you: the organizers will check question {code}."), code=code))


async def inbox(message: Message, request: Request) -> None:
    text, buttons = await _inbox(request)
    await message.answer(text, reply_markup=buttons)


async def resolve(query: CallbackQuery, callback_data: ResolveReport, request: Request) -> None:
    if not allowed(request.viewer.role, Command.REPORTS):
        await stale_button(query, request)
        return
    done = await request.work.key_reports.resolve(callback_data.id, request.now())
    await query.answer(request.t(N_("Marked as resolved.") if done else N_("Already resolved.")))
    text, buttons = await _inbox(request)
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=buttons)


async def _inbox(request: Request) -> tuple[str, InlineKeyboardMarkup | None]:
    t, snapshot = request.t, request.snapshot
    reports = await request.work.key_reports.open()
    if not reports:
        return t(N_("No open reports of wrong answer keys.")), None
    stems = {q.code: q.stem for q in snapshot.data.questions} if snapshot else {}
    people = {p.id: p.code for p in snapshot.data.people} if snapshot else {}
    lines = [t(N_("<b>Reported answer keys</b> ({count} open); fix them in the question "
                  "workbook and import it again."), count=len(reports))]  # fmt: skip
    for report in reports[:SHOWN]:
        stem = stems.get(report.question_code, "")[:40]
        who = people.get(report.person_id, "?")
        lines.append(f"#{report.id} <b>{html(report.question_code)}</b> {html(stem)}\n"
                     f"   {html(who)}: {html(report.reason)}")  # fmt: skip
    rows = [[button(t(N_("✓ #{id} resolved"), id=r.id), ResolveReport(id=r.id))]
            for r in reports[:SHOWN]]  # fmt: skip
    return "\n".join(lines), markup(*rows)
