"""/live: organizers run a round from their phone; every later ETA and reminder follows.

Each button carries the board's version (how many events were recorded when it was drawn): a
button from an older board, a double tap or a repeated update records nothing and shows the
board as it is now.
"""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.live import EventKind, StageEvent
from bot.domain.problems import N_
from bot.services.live import board, live_step, team_slots
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.live.callbacks import LiveAction, LiveButton
from handlers.live.views import board_view
from handlers.request import Request

EVENTS = {
    LiveAction.START: EventKind.START,
    LiveAction.FINISH: EventKind.FINISH,
    LiveAction.SKIP: EventKind.SKIP,
    LiveAction.DELAY: EventKind.DELAY,
    LiveAction.PAUSE: EventKind.PAUSE,
    LiveAction.RESUME: EventKind.RESUME,
}


def create_router() -> Router:
    router = Router(name="live")
    router.message.register(choose, IsCommand(Command.LIVE))
    router.callback_query.register(pressed, LiveButton.filter())
    return router


async def choose(message: Message, request: Request) -> None:
    """/live ROUND shows its board; /live alone offers the rounds with team turns."""
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    rounds = [r for r in snapshot.data.rounds if team_slots(snapshot, r.code) and r.id]
    wanted = request.args.strip().upper()
    chosen = next((r for r in rounds if r.code.upper() == wanted), None)
    if chosen is not None:
        current = await request.call(board, snapshot, chosen.code, request.now())
        text, buttons = board_view(t, snapshot, chosen, current)
        await message.answer(text, reply_markup=buttons)
        return
    options = [
        [button(t.name(r.name, r.name_en), LiveButton(round=r.id or 0, action=LiveAction.SHOW))]
        for r in rounds
    ]
    await message.answer(t(N_("Which round?")), reply_markup=markup(*options))


async def pressed(query: CallbackQuery, callback_data: LiveButton, request: Request) -> None:
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    round_ = request.round(callback_data.round)
    if snapshot is None or person is None or round_ is None or not _organizer(request):
        await stale_button(query, request)
        return
    step = await request.call(
        live_step, snapshot, round_.code, _event(request, callback_data), callback_data.version,
        person.id, request.now(),
    )  # fmt: skip
    if step.refused is not None:
        await query.answer(t(step.refused.message, **step.refused.params), show_alert=True)
        return
    if step.recorded:
        await request.app.reminders.resync()
    await query.answer(t(N_("The board had changed; here it is as it is now.")) if step.stale
                       else None)  # fmt: skip
    text, buttons = board_view(t, snapshot, round_, step.board)
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):  # unchanged: nothing to redraw
            await query.message.edit_text(text, reply_markup=buttons)


def _event(request: Request, pressed_on: LiveButton) -> StageEvent | None:
    """What the button records; None when it only shows the board."""
    if pressed_on.action is LiveAction.SHOW:
        return None
    kind = EVENTS[pressed_on.action]
    return StageEvent(kind, request.now(), pressed_on.position or None, pressed_on.minutes)


def _organizer(request: Request) -> bool:
    return allowed(request.viewer.role, Command.LIVE)
