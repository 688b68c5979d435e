"""Live control of a round: organizers record what happens on stage; ETAs follow from it."""

from datetime import datetime

from bot.domain.contest import Slot
from bot.domain.live import EventKind, StageEvent, apply, replay
from bot.domain.live_board import Board
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import Progress, TimelineError, forecast
from bot.services.ports import UnitOfWork

NEEDS_POSITION = {EventKind.START, EventKind.FINISH, EventKind.SKIP}


def team_slots(snapshot: ContestSnapshot, round_code: str) -> tuple[Slot, ...]:
    return tuple(s for s in snapshot.round_slots.get(round_code, ()) if s.team_code is not None)


async def board(
    uow: UnitOfWork, snapshot: ContestSnapshot, round_code: str, now: datetime
) -> Board:
    events = await uow.stage_events.of_round(round_code)
    progress = replay(events)
    etas = forecast(team_slots(snapshot, round_code), progress, now)
    return Board(round_code, progress, tuple(etas), len(events))


async def record(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    event: StageEvent,
    person_id: int | None,
) -> Progress:
    """Checks the event against the round so far and appends it; TimelineError if impossible."""
    positions = {slot.position for slot in team_slots(snapshot, round_code)}
    if event.kind in NEEDS_POSITION and event.position not in positions:
        raise TimelineError(
            N_("there is no team at position {position} in this round"),
            position=event.position or 0,
        )
    progress = apply(replay(await uow.stage_events.of_round(round_code)), event)
    await uow.stage_events.add(round_code, event, person_id)
    return progress
