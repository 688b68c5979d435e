"""Live control of a round: organizers record what happens on stage; ETAs follow from it."""

from dataclasses import dataclass
from datetime import datetime

from bot.domain.contest import Slot
from bot.domain.live import EventKind, StageEvent, apply, replay
from bot.domain.live_board import Board
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import Progress, TimelineError, forecast
from bot.services.ports import UnitOfWork

NEEDS_POSITION = {EventKind.START, EventKind.FINISH, EventKind.SKIP}


@dataclass(frozen=True, slots=True)
class LiveStep:
    """What pressing a board's button did, and the round as it is now."""

    board: Board
    recorded: bool = False  # the event was recorded, and committed
    stale: bool = False  # the button was on an older board: nothing was recorded
    refused: TimelineError | None = None  # the event was impossible: nothing was recorded


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


async def live_step(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    event: StageEvent | None,
    seen: int,
    person_id: int | None,
    now: datetime,
) -> LiveStep:
    """Records the event pressed on board version `seen` (None: just look). A recorded event is
    committed at once: the reminders are rebuilt next, from the database."""
    current = await board(uow, snapshot, round_code, now)
    if event is None:
        return LiveStep(current)
    if seen != current.version:
        return LiveStep(current, stale=True)
    try:
        await record(uow, snapshot, round_code, event, person_id)
    except TimelineError as error:
        return LiveStep(current, refused=error)
    after = await board(uow, snapshot, round_code, now)
    await uow.commit()  # last: a read after it would hold the database the reminders write to
    return LiveStep(after, recorded=True)
