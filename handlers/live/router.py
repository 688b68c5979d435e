"""/live: organizers run a round from their phone; every later ETA and reminder follows.

Each button carries the board's version (how many events were recorded when it was drawn): a
button from an older board, a double tap or a repeated update records nothing and shows the
board as it is now.
"""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Round
from bot.domain.live import EventKind, StageEvent
from bot.domain.live_board import Board
from bot.domain.problems import N_
from bot.domain.timeline import SlotState, TimelineError, queue
from bot.services.live import board, record, team_slots
from bot.texts.live import board_text, team_label
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.live.callbacks import LiveAction, LiveButton
from handlers.request import Request

EVENTS = {
    LiveAction.START: EventKind.START,
    LiveAction.FINISH: EventKind.FINISH,
    LiveAction.SKIP: EventKind.SKIP,
    LiveAction.DELAY: EventKind.DELAY,
    LiveAction.PAUSE: EventKind.PAUSE,
    LiveAction.RESUME: EventKind.RESUME,
}
DELAYS = (5, 10, -5)


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
        current = await board(request.work, snapshot, chosen.code, request.now())
        text, buttons = _board(request, chosen, current)
        await message.answer(text, reply_markup=buttons)
        return
    options = [
        [button(t.name(r.name, r.name_en), LiveButton(round=r.id or 0, action=LiveAction.SHOW))]
        for r in rounds
    ]
    await message.answer(t(N_("Which round?")), reply_markup=markup(*options))


async def pressed(query: CallbackQuery, callback_data: LiveButton, request: Request) -> None:
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    round_ = _round(request, callback_data.round)
    if snapshot is None or person is None or round_ is None or not _organizer(request):
        await stale_button(query, request)
        return
    current = await board(request.work, snapshot, round_.code, request.now())
    action = callback_data.action
    if action is not LiveAction.SHOW:
        if callback_data.version != current.version:
            await query.answer(t(N_("The board had changed; here it is as it is now.")))
            await _redraw(query, request, round_, current)
            return
        event = StageEvent(
            EVENTS[action], request.now(), callback_data.position or None, callback_data.minutes
        )
        try:
            await record(request.work, snapshot, round_.code, event, person.id)
        except TimelineError as error:
            await query.answer(t(error.message, **error.params), show_alert=True)
            return
        await request.work.commit()
        await request.app.reminders.resync()
        current = await board(request.work, snapshot, round_.code, request.now())
    await query.answer()
    await _redraw(query, request, round_, current)


def _organizer(request: Request) -> bool:
    return allowed(request.viewer.role, Command.LIVE)


def _round(request: Request, round_id: int) -> Round | None:
    return request.round(round_id)


async def _redraw(query: CallbackQuery, request: Request, round_: Round, current: Board) -> None:
    text, buttons = _board(request, round_, current)
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):  # unchanged: nothing to redraw
            await query.message.edit_text(text, reply_markup=buttons)


def _board(request: Request, round_: Round, current: Board) -> tuple[str, InlineKeyboardMarkup]:
    assert request.snapshot is not None
    t, snapshot = request.t, request.snapshot
    ahead = queue(current.etas)
    on_stage = next((e for e in ahead if e.state is SlotState.ON_STAGE), None)
    waiting = next((e for e in ahead if e.state is SlotState.WAITING), None)

    def live(action: LiveAction, position: int = 0, minutes: int = 0) -> LiveButton:
        return LiveButton(
            round=round_.id or 0, action=action, position=position, minutes=minutes,
            version=current.version,
        )  # fmt: skip

    stage_row = []
    if waiting is not None:
        name = team_label(snapshot, waiting)
        stage_row.append(
            button(t(N_("▶ {team} on stage"), team=name), live(LiveAction.START, waiting.position))
        )
    if on_stage is not None:
        name = team_label(snapshot, on_stage)
        stage_row.append(
            button(t(N_("✓ {team} done"), team=name), live(LiveAction.FINISH, on_stage.position))
        )
    delays = [button(f"{m:+d}′", live(LiveAction.DELAY, minutes=m)) for m in DELAYS]
    paused = current.progress.paused_at is not None
    control = [
        button(t(N_("▶ Resume")), live(LiveAction.RESUME)) if paused
        else button(t(N_("⏸ Pause")), live(LiveAction.PAUSE))
    ]  # fmt: skip
    if waiting is not None:
        name = team_label(snapshot, waiting)
        control.append(
            button(t(N_("✗ {team} absent"), team=name), live(LiveAction.SKIP, waiting.position))
        )
    refresh = [button(t(N_("🔄 Refresh")), live(LiveAction.SHOW))]
    text = board_text(t, snapshot, round_, current)
    return text, markup(stage_row, delays, control, refresh)
