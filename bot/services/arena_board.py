"""The scorekeeper's arena board: the teams' arena scores so far, and a step recorded on it
(an event, or undoing the last one) that gives the board as it is afterwards."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from bot.domain.scoring.arena import ArenaEvent, arena_scores
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.services.arena import record_event, undo_last
from bot.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class UndoLast:
    """Takes back the round's last event."""


ArenaStep = ArenaEvent | UndoLast


@dataclass(frozen=True, slots=True)
class ArenaBoard:
    version: int  # how many events the round has had: a button names the board it was on
    scores: Mapping[str, Decimal]  # team code → arena score; a team without events has none


@dataclass(frozen=True, slots=True)
class ArenaMove:
    board: ArenaBoard  # the board as it is now
    refused: ScoringError | None = None  # why nothing was recorded (a stale board, a rule)


async def arena_board(uow: UnitOfWork, round_code: str, rules: ScoringRules) -> ArenaBoard:
    version = await uow.arena.count(round_code)
    return ArenaBoard(version, arena_scores(await uow.arena.events(round_code), rules))


async def arena_move(
    uow: UnitOfWork,
    round_code: str,
    step: ArenaStep | None,
    version: int,
    who: str,
    now: datetime,
    rules: ScoringRules,
) -> ArenaMove:
    """Records the step made on board `version` (None: just look), then gives the board."""
    try:
        if isinstance(step, UndoLast):
            await undo_last(uow, round_code, version, who, now)
        elif step is not None:
            await record_event(uow, round_code, step, version, who, now, rules)
    except ScoringError as error:
        return ArenaMove(await arena_board(uow, round_code, rules), refused=error)
    return ArenaMove(await arena_board(uow, round_code, rules))
