"""Turn reminders: which message each team is owed, and from when, given the live timeline.

Three kinds of moments call for a reminder:

- by time: a configurable lead before the team's expected start (default 60, 30 and 15 min);
- by queue position, once the round is live (a team has gone on stage): two teams before
  them, then next; from then on these replace the lead reminders, which would say less;
- on stage: when the organizer calls the team up.

A reminder is identified by its key (round, position, team, kind), so planning again after a
delay, a skip or a restart yields the same keys, and the outbox sends each key to a chat once.
A reminder is only worth sending before the team's turn begins (or, for "on stage", while the
team is on stage); one that fell due while the bot was down is sent late only if still useful.
Once a round is over (nobody on stage and its last team done or absent) it reminds nobody.

A team acknowledges its whole turn once: one member's "got it" under any reminder of the turn,
or a check-in while the turn is being reminded. Without it, one escalation chain runs per turn,
timed from the turn's first reminder that asks for an answer: the leader, then the organizers.
The chain stops for good when the turn is acknowledged, the team is called (on stage), done or
absent, or the round is over. While the round is paused the chain's clock stands still: a step
falls due its delay after the reminder plus the time the round was paused since; during a pause
none falls due (held until resume).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.contest import Person, Slot
from bot.domain.live import EventKind, StageEvent
from bot.domain.timeline import Eta, Progress, SlotState, forecast


class ReminderKind(StrEnum):
    LEAD = "lead"
    TWO_BEFORE = "two_before"
    NEXT = "next"
    ON_STAGE = "on_stage"


# Reminders a team must acknowledge, else its leader and then the organizers are alerted.
ACKNOWLEDGED = {ReminderKind.TWO_BEFORE, ReminderKind.NEXT}
ACKNOWLEDGE_PREFIX = "ack"


# The "I have arrived" button under lead reminders (the handlers' CheckInButton packs alike).
CHECK_IN_DATA = "checkin"


def acknowledge_data(reminder_id: int) -> str:
    """The callback data of the "got it" button (the handlers' AcknowledgeButton packs alike)."""
    return f"{ACKNOWLEDGE_PREFIX}:{reminder_id}"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local times [start, end); may wrap past midnight (22:00–07:00)."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    leads: tuple[timedelta, ...] = (
        timedelta(minutes=60),
        timedelta(minutes=30),
        timedelta(minutes=15),
    )
    quiet: QuietHours | None = None
    # Unacknowledged after the first delay: the leader is alerted; after the second: organizers.
    escalate_after: tuple[timedelta, ...] = (timedelta(minutes=3), timedelta(minutes=6))


@dataclass(frozen=True, slots=True)
class Reminder:
    round_code: str
    position: int
    team_code: str
    kind: ReminderKind
    due_at: datetime
    expected_start: datetime
    lead: timedelta = timedelta(0)

    @property
    def key(self) -> str:
        suffix = f"{int(self.lead.total_seconds() // 60)}" if self.kind is ReminderKind.LEAD else ""
        return f"{self.turn.key}:{self.kind}{suffix}"

    @property
    def turn(self) -> "Turn":
        return Turn(self.round_code, self.position, self.team_code)


@dataclass(frozen=True, slots=True)
class Turn:
    """A team's turn in a round: what one acknowledgement answers for."""

    round_code: str
    position: int
    team_code: str

    @property
    def key(self) -> str:
        return f"turn:{self.round_code}:{self.position}:{self.team_code}"


class AcknowledgedVia(StrEnum):
    BUTTON = "button"  # "got it" under a reminder
    CHECK_IN = "check_in"


@dataclass(frozen=True, slots=True)
class TurnAcknowledgement:
    turn: Turn
    person_id: int | None
    at: datetime
    via: AcknowledgedVia


def round_over(slots: Sequence[Slot], progress: Progress) -> bool:
    """The round has run: nobody on stage, and its last team is done or absent."""
    if not slots or progress.on_stage is not None:
        return False
    last = max(slot.position for slot in slots)
    return progress.state(last) in (SlotState.DONE, SlotState.SKIPPED)


def plan(
    round_code: str,
    slots: Sequence[Slot],
    progress: Progress,
    now: datetime,
    policy: ReminderPolicy,
    zone: ZoneInfo,
) -> list[Reminder]:
    """Every reminder still useful in the round, each with the moment it falls due."""
    etas = forecast(slots, progress, now)
    live = any(r.started_at is not None for r in progress.records)
    if round_over(slots, progress):
        return []
    printed = {slot.position: slot.starts_at + progress.delay for slot in slots}
    found: list[Reminder] = []
    for eta in etas:
        # Without live events, a turn whose printed time has passed is taken to have happened:
        # the forecast would otherwise keep expecting it "now" and remind the team for ever.
        if eta.team_code is None or (not live and printed[eta.position] <= now):
            continue
        found += _for_slot(round_code, eta, live, now, policy, progress)
    return [r for r in (_outside_quiet(r, policy, zone) for r in found) if r is not None]


def _for_slot(
    round_code: str, eta: Eta, live: bool, now: datetime, policy: ReminderPolicy, progress: Progress
) -> list[Reminder]:
    assert eta.team_code is not None
    team, start = eta.team_code, eta.expected_start

    def reminder(kind: ReminderKind, due: datetime, lead: timedelta = timedelta(0)) -> Reminder:
        return Reminder(round_code, eta.position, team, kind, due, start, lead)

    if eta.state is SlotState.ON_STAGE:
        started = progress.record(eta.position).started_at or now
        return [reminder(ReminderKind.ON_STAGE, started)]
    if eta.state is not SlotState.WAITING:
        return []
    if live and eta.teams_before == 2:
        return [reminder(ReminderKind.TWO_BEFORE, now)]
    if live and eta.teams_before <= 1:  # 0: the stage is free and they are first in line
        return [reminder(ReminderKind.NEXT, now)]
    return [reminder(ReminderKind.LEAD, start - lead, lead) for lead in policy.leads]


def _outside_quiet(reminder: Reminder, policy: ReminderPolicy, zone: ZoneInfo) -> Reminder | None:
    """A reminder due in quiet hours waits for their end, unless the turn comes first."""
    quiet = policy.quiet
    local = reminder.due_at.astimezone(zone)
    if quiet is None or not quiet.contains(local.time()):
        return reminder
    end = datetime.combine(local.date(), quiet.end, tzinfo=zone)
    if end <= local:
        end += timedelta(days=1)
    if end >= reminder.expected_start:
        return None
    return Reminder(
        reminder.round_code,
        reminder.position,
        reminder.team_code,
        reminder.kind,
        end,
        reminder.expected_start,
        reminder.lead,
    )


def still_useful(reminder: Reminder, eta: Eta | None, now: datetime) -> bool:
    """Worth sending now: the team's turn has not begun (or, for 'on stage', has not ended)."""
    if eta is None or eta.team_code != reminder.team_code:
        return False
    if reminder.kind is ReminderKind.ON_STAGE:
        return eta.state is SlotState.ON_STAGE
    return eta.state is SlotState.WAITING and now < eta.expected_start


class ReminderStatus(StrEnum):
    PLANNED = "planned"
    SENT = "sent"
    SKIPPED = "skipped"  # its moment passed while it was no longer useful


@dataclass(frozen=True, slots=True)
class Tracked:
    """A reminder as stored: planned, sent or skipped; acknowledged; escalated how far."""

    id: int
    reminder: Reminder
    status: ReminderStatus
    sent_at: datetime | None = None
    acked_at: datetime | None = None
    escalations: int = 0


@dataclass(frozen=True, slots=True)
class TurnNow:
    """What the live run says about a turn at one moment, for its escalation chain."""

    eta: Eta | None  # None: the turn is no longer in the programme
    acknowledged: bool
    over: bool  # the round is over
    paused_now: bool
    paused_since_sent: timedelta  # time the round stood paused since the reminder went


def next_escalation(tracked: Tracked, turn: TurnNow, policy: ReminderPolicy) -> datetime | None:
    """When the chain's next step falls due, or None if none will (rules in the docstring)."""
    steps, reminder = policy.escalate_after, tracked.reminder
    waiting = (
        turn.eta is not None
        and turn.eta.team_code == reminder.team_code
        and turn.eta.state is SlotState.WAITING
    )
    if (
        not waiting
        or turn.acknowledged
        or turn.over
        or turn.paused_now
        or tracked.status is not ReminderStatus.SENT
        or reminder.kind not in ACKNOWLEDGED
        or tracked.sent_at is None
        or tracked.escalations >= len(steps)
    ):
        return None
    return tracked.sent_at + steps[tracked.escalations] + turn.paused_since_sent


def chain_heads(awaiting: Sequence[Tracked]) -> list[Tracked]:
    """Per turn, the first reminder sent that asks for an answer: the one its chain runs on."""
    heads: dict[Turn, Tracked] = {}
    for tracked in awaiting:
        if tracked.sent_at is None or tracked.reminder.kind not in ACKNOWLEDGED:
            continue
        turn = tracked.reminder.turn
        known = heads.get(turn)
        if known is None or (tracked.sent_at, tracked.id) < (
            known.sent_at or tracked.sent_at,
            known.id,
        ):
            heads[turn] = tracked
    return list(heads.values())


def paused_between(events: Sequence[StageEvent], start: datetime, end: datetime) -> timedelta:
    """How long the round stood paused between two moments (a pause still running counts)."""
    total, paused_at = timedelta(0), None
    for event in events:
        if event.kind is EventKind.PAUSE and paused_at is None:
            paused_at = event.at
        elif event.kind is EventKind.RESUME and paused_at is not None:
            total += _overlap(paused_at, event.at, start, end)
            paused_at = None
    if paused_at is not None:
        total += _overlap(paused_at, end, start, end)
    return total


def _overlap(a: datetime, b: datetime, start: datetime, end: datetime) -> timedelta:
    return max(min(b, end) - max(a, start), timedelta(0))


@dataclass(frozen=True, slots=True)
class MemberState:
    """A team member on the day: joined the bot? checked in when?"""

    person: Person
    joined: bool
    checked_in_at: datetime | None


@dataclass(frozen=True, slots=True)
class TeamArrivals:
    """Who of a team's members on site has checked in today, and who not yet."""

    team_code: str
    arrived: tuple[Person, ...]
    missing: tuple[Person, ...]
