"""Answers about the programme, computed from a snapshot, the live run and the current time.

Every answer reads a slot through one `TurnStatus` (bot/domain/timeline.py): the printed
programme while its round is not live, the live forecast once organizers record events.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from bot.domain.contest import Round, Slot, Venue
from bot.domain.enums import RoundKind
from bot.domain.interpreter import PartOfDay
from bot.domain.snapshot import ContestSnapshot
from bot.domain.status_memo import Statuses
from bot.domain.timeline import Progress, TurnPhase, TurnStatus, is_live, turn_statuses

NOON = time(12)
EVENING = time(18)
NOT_STARTED = Progress()
MOVED = timedelta(minutes=1)

# Each round's recorded progress by round code; a round missing from it is not live.
Live = Mapping[str, Progress]
NOT_LIVE: Live = {}
SlotKey = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Turn:
    """A team's slot and where it stands in its round now."""

    slot: Slot
    round: Round
    venue: Venue | None
    status: TurnStatus
    in_progress: bool

    @property
    def position(self) -> int | None:
        return self.slot.position if self.slot.team_code is not None else None

    @property
    def round_size(self) -> int:
        return self.status.round_size

    @property
    def teams_before(self) -> int:
        return self.status.teams_before if self.slot.team_code is not None else 0


@dataclass(frozen=True, slots=True)
class Outlook:
    """The turn a team most recently performed (or missed) today, and what comes next."""

    settled: Turn | None
    next: Turn | None


def slot_statuses(
    snapshot: ContestSnapshot, live: Live, now: datetime, rounds: Iterable[str] | None = None
) -> dict[SlotKey, TurnStatus]:
    """Every slot of the programme now (or of the rounds given), by (round code, position)."""
    found: dict[SlotKey, TurnStatus] = {}
    for code in snapshot.round_slots if rounds is None else rounds:
        for position, status in round_statuses(snapshot, live, now, code).items():
            found[(code, position)] = status
    return found


def round_statuses(snapshot: ContestSnapshot, live: Live, now: datetime, code: str) -> Statuses:
    """One round's slots now by position, remembered by the snapshot where that is exact."""
    slots, progress = snapshot.round_slots[code], live.get(code, NOT_STARTED)

    def compute() -> Statuses:
        return turn_statuses(slots, progress, now)

    if is_live(progress):
        return snapshot.statuses.live(code, progress, now, compute)
    return snapshot.statuses.planned(code, now, compute)


def outlook(
    snapshot: ContestSnapshot, team_code: str, now: datetime, live: Live = NOT_LIVE
) -> Outlook:
    """The team's programme read against the live run: the first item not yet over, and the
    turn it last performed or missed today (so answers can say so and move on)."""
    today = now.astimezone(snapshot.zone).date()
    team_slots = snapshot.team_slots.get(team_code, ())
    statuses = slot_statuses(snapshot, live, now, {slot.round_code for slot in team_slots})
    settled: Turn | None = None
    for slot in team_slots:
        status = statuses[slot.key]
        turn = Turn(
            slot, snapshot.rounds[slot.round_code], snapshot.venue_of(slot), status,
            status.in_progress(now),
        )  # fmt: skip
        # A round left unfinished on an earlier day (its last team never marked done) is not
        # what the team does next.
        stale = snapshot.local_day(slot) < today
        if not status.settled and not stale:
            return Outlook(settled, turn)
        if status.live and slot.team_code is not None and snapshot.local_day(slot) == today:
            settled = turn
    return Outlook(settled, None)


def next_turn(
    snapshot: ContestSnapshot, team_code: str, now: datetime, live: Live = NOT_LIVE
) -> Turn | None:
    return outlook(snapshot, team_code, now, live).next


class Mark(StrEnum):
    DONE = "done"
    NOW = "now"
    NEXT = "next"


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
    own_status: TurnStatus | None = None
    mark: Mark | None = None
    # A live round's expected end when the live run moved it away from the printed end.
    expected_end: datetime | None = None


@dataclass(slots=True)
class _Run:
    index: int
    ends_at: datetime
    teams: int
    own: Slot | None


def day_lines(
    snapshot: ContestSnapshot,
    day: date,
    *,
    track_code: str | None = None,
    team_code: str | None = None,
    part: PartOfDay | None = None,
    now: datetime | None = None,
    live: Live = NOT_LIVE,
) -> list[Line]:
    """The day in time order for a viewer: their track's rounds, their own slot marked, and
    when `now` is given each line marked done, on now or next from the live run."""
    lines: list[Line] = []
    runs: dict[str, _Run] = {}  # a round's run of team slots, folded into its first line
    # In UTC, as slots are stored: comparing datetimes of one zone needs no offset lookups.
    begin = datetime.combine(day, time(), tzinfo=snapshot.zone).astimezone(UTC)
    end = begin + timedelta(days=1)
    for slot in snapshot.slots:
        if not begin <= slot.starts_at < end:
            continue
        round_ = snapshot.rounds[slot.round_code]
        if track_code and round_.track_code not in (None, track_code):
            continue
        if part is not None and not in_part(slot.starts_at.astimezone(snapshot.zone).time(), part):
            continue
        own = slot if team_code and slot.team_code == team_code else None
        run = runs.get(slot.round_code)
        if slot.team_code is not None and run is not None:
            run.ends_at = max(run.ends_at, slot.ends_at)
            run.teams += 1
            run.own = run.own or own
            continue
        if slot.team_code is not None:
            runs[slot.round_code] = _Run(len(lines), slot.ends_at, 1, own)
        lines.append(
            Line(round_, slot.starts_at, slot.ends_at, snapshot.venue_of(slot), slot, 0, own)
        )
    for run in runs.values():
        line = lines[run.index]
        lines[run.index] = Line(
            line.round, line.starts_at, run.ends_at, line.venue, line.slot, run.teams, run.own
        )
    if now is None:
        return lines
    return _marked(snapshot, lines, day, now, live)


def _marked(
    snapshot: ContestSnapshot, lines: list[Line], day: date, now: datetime, live: Live
) -> list[Line]:
    today = now.astimezone(snapshot.zone).date()
    marked, next_given = [], day != today
    for line in lines:
        code = line.round.code
        slots = (
            [s for s in snapshot.round_slots[code] if s.team_code] if line.teams else [line.slot]
        )
        statuses = round_statuses(snapshot, live, now, code)
        if code in live:
            found = [statuses[s.position] for s in slots]
            mark = _line_mark(found, now)
            end = max(s.ends_at for s in found) if any(s.live for s in found) else None
        else:
            mark, end = _planned_mark(slots, now), None
        if mark is None and not next_given:
            mark, next_given = Mark.NEXT, True
        own = statuses[line.own.position] if line.own is not None else None
        moved = end if end is not None and abs(end - line.ends_at) >= MOVED else None
        marked.append(
            Line(
                line.round, line.starts_at, line.ends_at, line.venue, line.slot, line.teams,
                line.own, own, mark, moved if mark is not Mark.DONE else None,
            )
        )  # fmt: skip
    return marked


def _planned_mark(slots: list[Slot], now: datetime) -> Mark | None:
    """The mark of a line running to plan, from the printed times alone."""
    if all(slot.ends_at <= now for slot in slots):
        return Mark.DONE
    if any(slot.starts_at <= now < slot.ends_at for slot in slots):
        return Mark.NOW
    return None


def _line_mark(statuses: list[TurnStatus], now: datetime) -> Mark | None:
    if all(s.settled for s in statuses):
        return Mark.DONE
    if any(s.in_progress(now) or s.paused for s in statuses):
        return Mark.NOW
    if any(s.phase is TurnPhase.DONE or s.phase is TurnPhase.ABSENT for s in statuses):
        return Mark.NOW  # between two teams of a live round
    return None


def in_part(moment: time, part: PartOfDay | None) -> bool:
    if part is None:
        return True
    if part is PartOfDay.MORNING:
        return moment < NOON
    if part is PartOfDay.AFTERNOON:
        return NOON <= moment < EVENING
    return moment >= EVENING


@dataclass(frozen=True, slots=True)
class Staged:
    """A slot with where it stands now: on stage (until its expected end) or coming up."""

    slot: Slot
    status: TurnStatus


def on_stage(snapshot: ContestSnapshot, now: datetime, live: Live = NOT_LIVE) -> list[Staged]:
    """What is happening now: the live stage where a round is live, the programme elsewhere."""
    now = now.astimezone(UTC)
    staged = []
    for code in _rounds_from_today(snapshot, now):
        if code not in live and not _spans(snapshot.round_slots[code], now):
            continue
        statuses = round_statuses(snapshot, live, now, code)
        staged += [
            Staged(slot, statuses[slot.position])
            for slot in _from_today(snapshot, code, now)
            if statuses[slot.position].in_progress(now)
        ]
    return sorted(staged, key=lambda s: (s.slot.starts_at, s.slot.round_code, s.slot.position))


def coming_up(snapshot: ContestSnapshot, now: datetime, live: Live = NOT_LIVE) -> Staged | None:
    """The first slot still to begin, by its expected (or printed) start."""
    now = now.astimezone(UTC)
    ahead: list[Staged] = []
    for code in _rounds_from_today(snapshot, now):
        slots = _from_today(snapshot, code, now)
        statuses = round_statuses(snapshot, live, now, code)
        if code in live:
            waiting = [
                s for s in slots
                if not statuses[s.position].settled and not statuses[s.position].in_progress(now)
            ]  # fmt: skip
            first = min(waiting, key=lambda s: statuses[s.position].starts_at, default=None)
        else:
            # To plan, a slot neither over nor in progress is one still to start.
            first = min((s for s in slots if s.starts_at > now), key=_start, default=None)
        if first is not None:
            ahead.append(Staged(first, statuses[first.position]))
    return min(ahead, key=lambda staged: staged.status.starts_at, default=None)


def _start(slot: Slot) -> datetime:
    return slot.starts_at


def _spans(slots: Sequence[Slot], now: datetime) -> bool:
    return min(s.starts_at for s in slots) <= now < max(s.ends_at for s in slots)


def _rounds_from_today(snapshot: ContestSnapshot, now: datetime) -> list[str]:
    midnight = _midnight(snapshot, now)
    return [
        code
        for code, slots in snapshot.round_slots.items()
        if any(slot.starts_at >= midnight for slot in slots)
    ]


def _from_today(snapshot: ContestSnapshot, code: str, now: datetime) -> list[Slot]:
    """A round's slots printed for today or later: one left unfinished on an earlier day is over."""
    midnight = _midnight(snapshot, now)
    return [slot for slot in snapshot.round_slots[code] if slot.starts_at >= midnight]


def _midnight(snapshot: ContestSnapshot, now: datetime) -> datetime:
    local = datetime.combine(now.astimezone(snapshot.zone).date(), time(), tzinfo=snapshot.zone)
    return local.astimezone(UTC)


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
