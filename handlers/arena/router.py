"""/arena ROUND: the scorekeeper records the arena live — team, kind of question, outcome.

One message is the board (handlers.arena.views): the teams' arena scores, then buttons for the
next step.
"""

from contextlib import suppress
from decimal import Decimal

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Round, Team
from bot.domain.enums import RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.arena import (
    ArenaEvent,
    Buzz,
    BuzzOutcome,
    MandatoryAnswer,
    RiskOutcome,
    RiskPick,
)
from bot.domain.snapshot import ContestSnapshot
from bot.services.arena_board import (
    ArenaBoard,
    ArenaMove,
    ArenaStep,
    UndoLast,
    arena_board,
    arena_move,
)
from handlers.arena.callbacks import ArenaButton, ArenaKind
from handlers.arena.turns import contestants, round_teams, team_of
from handlers.arena.views import board_view
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="arena")
    router.message.register(start, IsCommand(Command.ARENA))
    router.callback_query.register(pressed, ArenaButton.filter())
    return router


async def start(message: Message, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    rounds = [r for r in snapshot.data.rounds if _arena(r)] if snapshot else []
    wanted = request.args.strip().upper()
    round_ = next((r for r in rounds if r.code.upper() == wanted), None)
    if snapshot is None or round_ is None:
        codes = ", ".join(r.code for r in rounds)
        await message.answer(t(N_("Send /arena ROUND, one of: {codes}"), codes=codes))
        return
    board = await request.call(arena_board, round_.code, request.app.rules)
    teams = round_teams(snapshot, round_)
    text, buttons = board_view(
        t, snapshot, round_, teams, board, ArenaButton(round=round_.id or 0), request.app.rules
    )
    await message.answer(text, reply_markup=buttons)


async def pressed(query: CallbackQuery, callback_data: ArenaButton, request: Request) -> None:
    snapshot, person, pressed_on = request.snapshot, request.viewer.person, callback_data
    round_ = request.round(pressed_on.round)
    if snapshot is None or person is None or round_ is None or not _kept(request, round_):
        await stale_button(query, request)
        return
    teams = round_teams(snapshot, round_)
    gone = pressed_on.team >= 0 and team_of(teams, pressed_on.team) is None  # no turn any more
    step = None if gone else _step(snapshot, teams, pressed_on)
    if not gone and step is None and pressed_on.outcome and pressed_on.kind is not ArenaKind.UNDO:
        await stale_button(query, request)  # its team or contestant is not in the round
        return
    move = await request.call(
        arena_move, round_.code, step, pressed_on.version, person.code, request.now(),
        request.app.rules,
    )  # fmt: skip
    await _answer(query, request, gone, move)
    shown = pressed_on if step is None and not gone else ArenaButton(round=pressed_on.round)
    await _redraw(query, request, snapshot, round_, teams, move.board, shown)


async def _answer(query: CallbackQuery, request: Request, gone: bool, move: ArenaMove) -> None:
    if gone:
        await stale_button(query, request)
    elif move.refused is not None:
        await query.answer(request.t(move.refused.message, **move.refused.params), show_alert=True)
    else:
        await query.answer()


async def _redraw(
    query: CallbackQuery,
    request: Request,
    snapshot: ContestSnapshot,
    round_: Round,
    teams: list[Team],
    board: ArenaBoard,
    step: ArenaButton,
) -> None:
    text, buttons = board_view(request.t, snapshot, round_, teams, board, step, request.app.rules)
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):  # the same board again
            await query.message.edit_text(text, reply_markup=buttons)


def _arena(round_: Round) -> bool:
    return round_.kind is RoundKind.ARENA_PRELIMINARY and round_.id is not None


def _kept(request: Request, round_: Round) -> bool:
    """Whether the round is an arena the viewer keeps the score of."""
    return _arena(round_) and allowed(request.viewer.role, Command.ARENA)


def _step(snapshot: ContestSnapshot, teams: list[Team], step: ArenaButton) -> ArenaStep | None:
    """What a button records: undoing, an event (None when its team or contestant is not in
    the round), or nothing when it is only a step towards one."""
    if step.kind is ArenaKind.UNDO:
        return UndoLast()
    return _event(snapshot, teams, step) if step.outcome else None


def _event(snapshot: ContestSnapshot, teams: list[Team], step: ArenaButton) -> ArenaEvent | None:
    """The event a button records; None when its team or contestant is not in the round."""
    team = team_of(teams, step.team)
    if team is None:
        return None
    try:
        if step.kind is ArenaKind.MANDATORY:
            person = next((p for p in contestants(snapshot, team) if p.id == step.person), None)
            if person is None or step.outcome not in ("correct", "wrong"):
                return None
            return MandatoryAnswer(team.code, person.code, step.outcome == "correct")
        if step.kind is ArenaKind.RISK:
            return RiskPick(team.code, Decimal(step.tier), RiskOutcome(step.outcome))
        if step.kind is ArenaKind.BUZZ:
            return Buzz(team.code, BuzzOutcome(step.outcome))
    except ValueError:  # a forged outcome
        return None
    return None
