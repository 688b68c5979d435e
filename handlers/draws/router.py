"""/draw ROUND: organizers commit to a secret seed, then reveal the running order."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_
from bot.services.draws import DrawError, commit_draw, reveal_draw
from bot.services.work import committed
from handlers.draws.callbacks import DrawButton
from handlers.draws.views import committed_view, revealed_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.queries import chat_of, close_buttons
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="draws")
    router.message.register(commit, IsCommand(Command.DRAW))
    router.callback_query.register(reveal, DrawButton.filter())
    return router


async def commit(message: Message, request: Request) -> None:
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    if snapshot is None or person is None:
        await message.answer(request.no_contest())
        return
    wanted = request.args.strip().upper()
    round_ = next((r for r in snapshot.data.rounds if r.code.upper() == wanted), None)
    if round_ is None or round_.id is None:
        codes = ", ".join(r.code for r in snapshot.data.rounds)
        await message.answer(t(N_("Send /draw ROUND, one of: {codes}"), codes=codes))
        return
    try:
        draw = await request.call(
            commit_draw, snapshot, round_.code, person.id, request.now(), request.app.views
        )
    except DrawError as error:
        await message.answer(t(error.message, **error.params))
        return
    text, buttons = committed_view(t, round_, draw)
    await message.answer(text, reply_markup=buttons)


async def reveal(query: CallbackQuery, callback_data: DrawButton, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    round_ = request.round(callback_data.round)
    if snapshot is None or round_ is None or not allowed(request.viewer.role, Command.DRAW):
        await stale_button(query, request)
        return
    person_id = request.viewer.person.id if request.viewer.person else None
    try:
        # Committed at once: the reminders are rebuilt next, from the database.
        draw = await request.call(
            committed,
            reveal_draw,
            snapshot,
            round_.code,
            request.now(),
            request.app.views,
            person_id,
        )
    except DrawError as error:
        await query.answer(t(error.message, **error.params), show_alert=True)
        return
    request.app.contests.invalidate()
    await request.app.reminders.resync()
    await query.answer()
    await close_buttons(query)
    await request.bot.send_message(chat_of(query), revealed_text(t, round_, draw))
