"""Answers about the programme, computed from a snapshot and the current time."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.contest import Round, Slot, Venue
from bot.domain.enums import RoundKind
from bot.domain.interpreter import PartOfDay
from bot.domain.snapshot import ContestSnapshot

NOON = time(12)
EVENING = time(18)


@dataclass(frozen=True, slots=True)
class Turn:
    """A team's next slot and where it stands in its round's running order."""

    slot: Slot
    round: Round
    venue: Venue | None
    position: int | None
    round_size: int
    teams_before: int
    in_progress: bool


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a day's programme: a session, or a round's run of team slots."""

    round: Round
    starts_at: datetime
    ends_at: datetime
    venue: Venue | None
    slot: Slot
    teams: int
    own: Slot | None


def next_turn(snapshot: ContestSnapshot, team_code: str, now: datetime) -> Turn | None:
    upcoming = (s for s in snapshot.team_slots.get(team_code, ()) if s.ends_at > now)
    slot = next(upcoming, None)
    if slot is None:
        return None
    round_ = snapshot.rounds[slot.round_code]
    running = snapshot.round_slots[slot.round_code]
    own = slot.team_code is not None
    before = sum(1 for s in running if s.position < slot.position and s.ends_at > now)
    return Turn(
        slot=slot,
        round=round_,
        venue=snapshot.venue_of(slot),
        position=slot.position if own else None,
        round_size=len(running),
        teams_before=before if own else 0,
        in_progress=slot.starts_at <= now,
    )


def day_lines(
    snapshot: ContestSnapshot,
    day: date,
    *,
    track_code: str | None = None,
    team_code: str | None = None,
    part: PartOfDay | None = None,
) -> list[Line]:
    """The day in time order for a viewer: their track's rounds, their own slot marked."""
    lines: list[Line] = []
    runs: dict[str, int] = {}
    for slot in snapshot.slots:
        local = slot.starts_at.astimezone(snapshot.zone)
        round_ = snapshot.rounds[slot.round_code]
        if local.date() != day or not _in_part(local.time(), part):
            continue
        if track_code and round_.track_code not in (None, track_code):
            continue
        own = slot if team_code and slot.team_code == team_code else None
        run = runs.get(slot.round_code)
        if slot.team_code is not None and run is not None:
            line = lines[run]
            lines[run] = Line(
                round_,
                line.starts_at,
                max(line.ends_at, slot.ends_at),
                line.venue,
                line.slot,
                line.teams + 1,
                line.own or own,
            )
            continue
        teams = 1 if slot.team_code else 0
        lines.append(
            Line(round_, slot.starts_at, slot.ends_at, snapshot.venue_of(slot), slot, teams, own)
        )
        if slot.team_code is not None:
            runs[slot.round_code] = len(lines) - 1
    return lines


def _in_part(moment: time, part: PartOfDay | None) -> bool:
    if part is None:
        return True
    if part is PartOfDay.MORNING:
        return moment < NOON
    if part is PartOfDay.AFTERNOON:
        return NOON <= moment < EVENING
    return moment >= EVENING


def on_stage(snapshot: ContestSnapshot, now: datetime) -> list[Slot]:
    return [s for s in snapshot.slots if s.starts_at <= now < s.ends_at]


@dataclass(frozen=True, slots=True)
class RoundSpan:
    round: Round
    starts_at: datetime
    ends_at: datetime
    venue: Venue | None
    slots: tuple[Slot, ...]

    @property
    def per_team(self) -> timedelta | None:
        team_slots = [s.duration for s in self.slots if s.team_code]
        return team_slots[0] if team_slots and len(set(team_slots)) == 1 else None


def round_spans(
    snapshot: ContestSnapshot, kinds: frozenset[RoundKind], track_code: str | None = None
) -> list[RoundSpan]:
    """Rounds of these kinds (for the viewer's track when known), in time order."""
    spans = []
    for code, slots in snapshot.round_slots.items():
        round_ = snapshot.rounds[code]
        if round_.kind not in kinds or (track_code and round_.track_code not in (None, track_code)):
            continue
        spans.append(
            RoundSpan(
                round_,
                min(s.starts_at for s in slots),
                max(s.ends_at for s in slots),
                snapshot.venue_of(slots[0]),
                slots,
            )
        )
    return sorted(spans, key=lambda span: span.starts_at)


def first_day_from(snapshot: ContestSnapshot, day: date) -> date | None:
    """The first contest day on or after `day`."""
    return next((d for d in snapshot.days if d >= day), None)
