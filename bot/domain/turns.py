"""A team's turns read for one question: in a named round, its neighbours in the running
order, whether it is over. Built on the same statuses as every other answer."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.contest import Slot, Team
from bot.domain.enums import RoundKind
from bot.domain.interpreter import Query
from bot.domain.schedule_views import Live, SlotKey, Turn, in_part, slot_statuses
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import TurnStatus


@dataclass(frozen=True, slots=True)
class Neighbours:
    turn: Turn
    before: Team | None
    after: Team | None


def team_turns(
    snapshot: ContestSnapshot,
    team_code: str,
    now: datetime,
    live: Live,
    kinds: frozenset[RoundKind] = frozenset(),
) -> list[Turn]:
    """The team's turns in rounds of these kinds (all its turns when none), in time order."""
    slots = [
        slot
        for slot in snapshot.team_slots.get(team_code, ())
        if not kinds or snapshot.rounds[slot.round_code].kind in kinds
    ]
    statuses = slot_statuses(snapshot, live, now, {slot.round_code for slot in slots})
    return [_turn(snapshot, slot, statuses, now) for slot in slots]


def asked_turns(
    snapshot: ContestSnapshot, team_code: str, query: Query, now: datetime, live: Live
) -> list[Turn]:
    """The team's turns the query narrows to: of its round kinds, on its day and part of day."""
    turns = team_turns(snapshot, team_code, now, live, query.round_kinds)
    if query.day is None:
        return turns
    return [
        turn for turn in turns
        if snapshot.local_day(turn.slot) == query.day
        and in_part(turn.slot.starts_at.astimezone(snapshot.zone).time(), query.part_of_day)
    ]  # fmt: skip


def following(turns: Sequence[Turn]) -> Turn | None:
    """The first turn still to begin: what comes after the one in progress."""
    return next((t for t in turns if not t.status.settled and not t.in_progress), None)


def current(turns: Sequence[Turn]) -> Turn | None:
    """The first turn not yet over, else the last one."""
    return next((turn for turn in turns if not turn.status.settled), turns[-1] if turns else None)


def neighbours(snapshot: ContestSnapshot, turn: Turn) -> Neighbours:
    """The teams just before and after the turn in its round's running order."""
    order = [s for s in snapshot.round_slots[turn.slot.round_code] if s.team_code is not None]
    index = next(i for i, s in enumerate(order) if s.key == turn.slot.key)
    before = order[index - 1].team_code if index > 0 else None
    after = order[index + 1].team_code if index + 1 < len(order) else None
    return Neighbours(turn, _team(snapshot, before), _team(snapshot, after))


def own_slots(turns: Sequence[Turn]) -> list[Turn]:
    """Turns in a running order (the team's own slot), not sessions for everyone."""
    return [turn for turn in turns if turn.position is not None]


def _team(snapshot: ContestSnapshot, code: str | None) -> Team | None:
    return snapshot.teams.get(code) if code is not None else None


def _turn(
    snapshot: ContestSnapshot, slot: Slot, statuses: dict[SlotKey, TurnStatus], now: datetime
) -> Turn:
    status = statuses[slot.key]
    return Turn(
        slot, snapshot.rounds[slot.round_code], snapshot.venue_of(slot), status,
        status.in_progress(now),
    )  # fmt: skip
