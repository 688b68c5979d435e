"""/draw ROUND: organizers commit to a secret seed, then reveal the running order."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_, N_plural
from bot.services.draws import DrawError, commit_draw, reveal_draw
from handlers.draws.callbacks import DrawButton
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
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
        draw = await commit_draw(
            request.work, snapshot, round_.code, person.id, request.now(), request.app.views
        )
    except DrawError as error:
        await message.answer(t(error.message, **error.params))
        return
    await message.answer(
        t(N_("Commitment for {round} published: <code>{commitment}</code>. When everyone has "
             "seen it, reveal the seed and the order."),
          round=round_.code, commitment=draw.commitment),
        reply_markup=markup([button(t(N_("🎲 Reveal the order")), DrawButton(round=round_.id))]),
    )  # fmt: skip


async def reveal(query: CallbackQuery, callback_data: DrawButton, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    round_ = request.round(callback_data.round)
    if snapshot is None or round_ is None or not allowed(request.viewer.role, Command.DRAW):
        await stale_button(query, request)
        return
    try:
        person_id = request.viewer.person.id if request.viewer.person else None
        draw = await reveal_draw(
            request.work, snapshot, round_.code, request.now(), request.app.views, person_id
        )
    except DrawError as error:
        await query.answer(t(error.message, **error.params), show_alert=True)
        return
    await request.work.commit()
    request.app.contests.invalidate()
    await request.app.reminders.resync()
    await query.answer()
    await close_buttons(query)
    await request.bot.send_message(
        chat_of(query),
        t(N_plural("The order of {round} is drawn and published ({count} team).",
                   "The order of {round} is drawn and published ({count} teams)."),
          round=round_.code, count=len(draw.order or ())),
    )  # fmt: skip
