"""/audit: the notary (and organizers) read the trail in the bot; nothing here changes it."""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.audit import verify
from bot.domain.commands import Command, allowed
from bot.domain.problems import N_, N_plural
from bot.texts.audit import entry_line
from handlers.audit.callbacks import AuditPage
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.request import Request

PAGE = 10
ENTRIES = N_plural("✅ {count} entry; every link intact.", "✅ {count} entries; every link intact.")


def create_router() -> Router:
    router = Router(name="audit")
    router.message.register(show, IsCommand(Command.AUDIT))
    router.callback_query.register(page, AuditPage.filter())
    return router


async def show(message: Message, request: Request) -> None:
    text, buttons = await _page(request, None)
    await message.answer(text, reply_markup=buttons)


async def page(query: CallbackQuery, callback_data: AuditPage, request: Request) -> None:
    if not allowed(request.viewer.role, Command.AUDIT) or callback_data.below < 1:
        await stale_button(query, request)
        return
    await query.answer()
    text, buttons = await _page(request, callback_data.below)
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):
            await query.message.edit_text(text, reply_markup=buttons)


async def _page(request: Request, below: int | None) -> tuple[str, InlineKeyboardMarkup | None]:
    t = request.t
    entries = await request.work.audit.entries()
    check = verify(entries)
    status = (
        t(ENTRIES, count=len(entries)) if check.ok
        else "⚠️ " + t(N_("Broken at entry {sequence}: {problem}"), sequence=check.first_broken,
                       problem=t(check.problem, **check.params))
    )  # fmt: skip
    shown = [e for e in entries if below is None or e.sequence < below][-PAGE:]
    lines = [status, *(entry_line(t, request.snapshot, e) for e in reversed(shown))]
    if not entries:
        lines.append(t(N_("Nothing has been recorded yet.")))
    older = shown[0].sequence if shown and shown[0].sequence > 1 else None
    buttons = markup([button(t(N_("◀ Older")), AuditPage(below=older))]) if older else None
    return "\n".join(lines), buttons
