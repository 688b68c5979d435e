"""The live run-of-show of one round: what has happened, and when each team is expected.

Organizers record events as they happen: a team goes on stage, finishes or is absent; the
round is delayed, paused, resumed. `Progress` is the immutable record of those events; each
transition returns a new `Progress` or raises `TimelineError` carrying an untranslated message
id. Event times never go backwards within a round.

`forecast` turns the programme (the round's slots) and the progress into expected times:

- A done slot reports its actual start and end.
- A skipped slot takes no time. It reports its printed times shifted by the delay.
- The slot on stage ends its planned duration after its actual start, extended by the time the
  round was paused while it was on stage (a pause still running counts up to now), and never
  before now: a team that overruns pushes the whole queue back.
- The queue is the slot on stage, then the waiting slots by position. A waiting slot starts at
  the latest of: its printed start plus the delay (teams are told to come at the printed time,
  so nobody is expected early), the expected end of the slot before it in the queue, and now
  (a waiting slot is never expected in the past). It lasts its planned duration.
- A pause with nobody on stage moves nothing by itself; waiting slots are held at now.
- `teams_before` counts the slots ahead in the queue; it is 0 for done and skipped slots.

`turn_statuses` is what answers read: one `TurnStatus` per slot, the same whichever command or
question asks. Before the round is live (no event recorded) it is the printed programme
(planned, or over once its printed end has passed); from the first event on it is the live
forecast (waiting, on stage, done, absent, with the pause and delay), never the plan.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple, NoReturn

from bot.domain.contest import Slot
from bot.domain.problems import N_

ZERO = timedelta(0)


class SlotState(StrEnum):
    WAITING = "waiting"
    ON_STAGE = "on_stage"
    DONE = "done"
    SKIPPED = "skipped"


class TimelineError(Exception):
    """An event that cannot happen in the round's current state."""

    def __init__(self, message: str, **params: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True, slots=True)
class SlotRecord:
    position: int
    started_at: datetime | None = None
    ended_at: datetime | None = None
    skipped: bool = False
    # The round's paused total when the slot went on stage: only pauses after that extend it.
    paused_before: timedelta = ZERO

    @property
    def state(self) -> SlotState:
        if self.skipped:
            return SlotState.SKIPPED
        if self.ended_at is not None:
            return SlotState.DONE
        if self.started_at is not None:
            return SlotState.ON_STAGE
        return SlotState.WAITING


@dataclass(frozen=True, slots=True)
class Progress:
    """The events of one round so far; positions without a record are waiting."""

    records: tuple[SlotRecord, ...] = ()
    delay: timedelta = ZERO
    paused_at: datetime | None = None
    paused_total: timedelta = ZERO

    def record(self, position: int) -> SlotRecord:
        found = (r for r in self.records if r.position == position)
        return next(found, SlotRecord(position))

    def state(self, position: int) -> SlotState:
        return self.record(position).state

    @property
    def on_stage(self) -> SlotRecord | None:
        return next((r for r in self.records if r.state is SlotState.ON_STAGE), None)

    @property
    def latest_event(self) -> datetime | None:
        moments = [m for r in self.records for m in (r.started_at, r.ended_at) if m is not None]
        if self.paused_at is not None:
            moments.append(self.paused_at)
        return max(moments, default=None)

    def _with(self, *changed: SlotRecord) -> "Progress":
        positions = {r.position for r in changed}
        kept = [r for r in self.records if r.position not in positions]
        records = tuple(sorted([*kept, *changed], key=lambda r: r.position))
        return replace(self, records=records)


@dataclass(frozen=True, slots=True)
class Eta:
    position: int
    team_code: str | None
    state: SlotState
    expected_start: datetime
    expected_end: datetime
    teams_before: int


def start(progress: Progress, position: int, at: datetime) -> Progress:
    """The team goes on stage; the team on stage before it, if any, is done at `at`.

    A team marked absent that arrives late may still go on stage.
    """
    _check_time(progress, at)
    _refuse_while_paused(progress)
    if (state := progress.state(position)) in (SlotState.ON_STAGE, SlotState.DONE):
        _refuse(state, position)
    changed = [SlotRecord(position, started_at=at, paused_before=progress.paused_total)]
    if (current := progress.on_stage) is not None:
        changed.append(replace(current, ended_at=at))
    return progress._with(*changed)


def finish(progress: Progress, position: int, at: datetime) -> Progress:
    _check_time(progress, at)
    _refuse_while_paused(progress)
    record = progress.record(position)
    if record.state is not SlotState.ON_STAGE:
        message = N_("the team at position {position} is not on stage")
        raise TimelineError(message, position=position)
    return progress._with(replace(record, ended_at=at))


def skip(progress: Progress, position: int) -> Progress:
    """The team is absent: its slot takes no time and the queue closes the gap."""
    if (state := progress.state(position)) is not SlotState.WAITING:
        _refuse(state, position)
    return progress._with(SlotRecord(position, skipped=True))


def delay(progress: Progress, minutes: int) -> Progress:
    """Moves the printed times of the waiting slots; delays add up, negative ones take back."""
    return replace(progress, delay=progress.delay + timedelta(minutes=minutes))


def pause(progress: Progress, at: datetime) -> Progress:
    _check_time(progress, at)
    if progress.paused_at is not None:
        raise TimelineError(N_("the round is already paused"))
    return replace(progress, paused_at=at)


def resume(progress: Progress, at: datetime) -> Progress:
    _check_time(progress, at)
    if progress.paused_at is None:
        raise TimelineError(N_("the round is not paused"))
    total = progress.paused_total + (at - progress.paused_at)
    return replace(progress, paused_at=None, paused_total=total)


def forecast(slots: Sequence[Slot], progress: Progress, now: datetime) -> list[Eta]:
    """Expected times of every slot, by position (rules in the module docstring)."""
    return [Eta(*expected) for expected in _expected(slots, progress, now)]


# (position, team code, state, expected start, expected end, teams before): plain tuples, so a
# round of hundreds of teams is forecast without an object per slot it does not keep.
_Expected = tuple[int, str | None, SlotState, datetime, datetime, int]


def _expected(slots: Sequence[Slot], progress: Progress, now: datetime) -> list[_Expected]:
    ordered = sorted(slots, key=lambda s: s.position)
    ends = [r.ended_at for r in progress.records if r.ended_at is not None]
    cursor = max([now, *ends])
    records = {r.position: r for r in progress.records}
    by_position = {s.position: s for s in ordered}
    found: dict[int, _Expected] = {}
    for position, on_stage in sorted(records.items()):
        slot = by_position.get(position)
        if slot is None or on_stage.state is not SlotState.ON_STAGE or on_stage.started_at is None:
            continue
        stretch = _paused_on_stage(progress, on_stage, now)
        end = max(on_stage.started_at + slot.duration + stretch, now)
        found[position] = (position, slot.team_code, on_stage.state, on_stage.started_at, end, 0)
        cursor = max(cursor, end)
    ahead = len(found)
    delay = progress.delay
    for slot in ordered:
        position = slot.position
        record = records.get(position)
        if record is None or record.state is SlotState.WAITING:
            begin = max(slot.starts_at + delay, cursor)
            cursor = begin + slot.duration
            found[position] = (position, slot.team_code, SlotState.WAITING, begin, cursor, ahead)
            ahead += 1
        elif record.state is SlotState.DONE and record.started_at and record.ended_at:
            found[position] = (
                position, slot.team_code, record.state, record.started_at, record.ended_at, 0
            )  # fmt: skip
        elif record.state is SlotState.SKIPPED:
            planned = slot.starts_at + delay
            found[position] = (
                position, slot.team_code, record.state, planned, planned + slot.duration, 0
            )  # fmt: skip
    return [found[s.position] for s in ordered if s.position in found]


def queue(etas: Iterable[Eta]) -> list[Eta]:
    """The slots still to happen, the one on stage first."""
    active = (e for e in etas if e.state in (SlotState.ON_STAGE, SlotState.WAITING))
    return sorted(active, key=lambda e: e.teams_before)


def _paused_on_stage(progress: Progress, record: SlotRecord, now: datetime) -> timedelta:
    running = ZERO
    if progress.paused_at is not None:
        running = max(now - progress.paused_at, ZERO)
    return progress.paused_total - record.paused_before + running


def _check_time(progress: Progress, at: datetime) -> None:
    if at.tzinfo is None:
        raise ValueError("event time must be timezone-aware")
    latest = progress.latest_event
    if latest is not None and at < latest:
        raise TimelineError(N_("this time is before the last recorded event of the round"))


def _refuse_while_paused(progress: Progress) -> None:
    if progress.paused_at is not None:
        raise TimelineError(N_("the round is paused: resume it first"))


def _refuse(state: SlotState, position: int) -> NoReturn:
    messages = {
        SlotState.ON_STAGE: N_("the team at position {position} is already on stage"),
        SlotState.DONE: N_("the team at position {position} has already finished"),
        SlotState.SKIPPED: N_("the team at position {position} is already marked absent"),
    }
    raise TimelineError(messages[state], position=position)


class TurnPhase(StrEnum):
    """Where a slot stands for the people who ask about it."""

    PLANNED = "planned"  # the round is not live: its printed time, ahead or under way
    OVER = "over"  # the round is not live and the slot's printed time has passed
    WAITING = "waiting"  # the round is live and the team waits its turn
    ON_STAGE = "on_stage"
    DONE = "done"
    ABSENT = "absent"


SETTLED = frozenset({TurnPhase.OVER, TurnPhase.DONE, TurnPhase.ABSENT})


class TurnStatus(NamedTuple):
    """One slot of a round now: the one answer every question about it is built from.

    A named tuple: a round of hundreds of teams builds hundreds of them per answer, and a
    tuple is several times cheaper to make than a frozen dataclass, and as immutable.

    `starts_at`/`ends_at` are the printed times while the round is not live, the live forecast
    while the team waits, the actual start (and expected end) on stage, and the actual times
    once done. `teams_before` counts only teams still to perform ahead of this one.
    """

    position: int
    team_code: str | None
    phase: TurnPhase
    starts_at: datetime
    ends_at: datetime
    teams_before: int
    round_size: int
    paused: bool = False
    delay: timedelta = ZERO

    @property
    def settled(self) -> bool:
        """Nothing more will happen in this slot: answers move on to the next item."""
        return self.phase in SETTLED

    @property
    def live(self) -> bool:
        return self.phase not in (TurnPhase.PLANNED, TurnPhase.OVER)

    @property
    def eta(self) -> datetime | None:
        """When the turn is expected to begin; None once it has begun or will not happen."""
        return self.starts_at if self.phase in (TurnPhase.PLANNED, TurnPhase.WAITING) else None

    def in_progress(self, now: datetime) -> bool:
        if self.phase is TurnPhase.PLANNED:
            return self.starts_at <= now < self.ends_at
        return self.phase is TurnPhase.ON_STAGE


def is_live(progress: Progress) -> bool:
    """Organizers have recorded something for the round: from then on it follows the live run."""
    return progress != Progress()


def turn_statuses(
    slots: Sequence[Slot], progress: Progress, now: datetime
) -> dict[int, TurnStatus]:
    """Every slot of one round by position: from the live forecast once the round is live,
    from the printed programme before."""
    size = sum(1 for slot in slots if slot.team_code is not None) or len(slots)
    if not is_live(progress):
        return _planned_round(slots, now, size)
    paused = progress.paused_at is not None
    found = {}
    for position, team_code, state, begin, end, ahead in _expected(slots, progress, now):
        phase = _PHASES[state]
        before = ahead if phase is TurnPhase.WAITING else 0
        found[position] = TurnStatus(
            position, team_code, phase, begin, end, before, size, paused, progress.delay
        )
    if len(found) < len(slots):  # the forecast covers every slot; the plan is only a safety net
        for position, status in _planned_round(slots, now, size).items():
            found.setdefault(position, status)
    return found


def turn_status(
    slots: Sequence[Slot], progress: Progress, position: int, now: datetime
) -> TurnStatus:
    """The slot at `position` of the round now; KeyError when the round has no such slot."""
    return turn_statuses(slots, progress, now)[position]


_PHASES = {
    SlotState.WAITING: TurnPhase.WAITING,
    SlotState.ON_STAGE: TurnPhase.ON_STAGE,
    SlotState.DONE: TurnPhase.DONE,
    SlotState.SKIPPED: TurnPhase.ABSENT,
}


def _planned_round(slots: Sequence[Slot], now: datetime, size: int) -> dict[int, TurnStatus]:
    """The printed programme of a round now; one pass in position order, so a round of
    hundreds of teams costs no more per slot than a round of ten."""
    found: dict[int, TurnStatus] = {}
    waiting = 0  # team slots at earlier positions not over yet
    for slot in sorted(slots, key=lambda s: s.position):
        over = slot.ends_at <= now
        phase = TurnPhase.OVER if over else TurnPhase.PLANNED
        team_before = waiting if slot.team_code is not None and not over else 0
        found[slot.position] = TurnStatus(
            slot.position, slot.team_code, phase, slot.starts_at, slot.ends_at, team_before, size
        )
        if slot.team_code is not None and not over:
            waiting += 1
    return found
