"""Turn reminders: planned from the live timeline, sent through the outbox, acknowledged,
escalated. Planning again at any time is safe: keys make every reminder happen once."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.contest import Person, Slot
from bot.domain.enums import Role
from bot.domain.live import replay
from bot.domain.outbox import Buttons, Priority
from bot.domain.reminders import (
    ACKNOWLEDGED,
    CHECK_IN_DATA,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReminderStatus,
    Tracked,
    acknowledge_data,
    escalation_due,
    plan,
    still_useful,
)
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import Eta, Progress, forecast
from bot.services.ports import UnitOfWork
from bot.services.readers import bound_accounts, readers
from bot.texts.reminders import ARRIVED, GOT_IT, escalation_text, reminder_text
from bot.texts.texts import Texts


@dataclass(frozen=True, slots=True)
class Round:
    """One round's programme and its forecast right now."""

    code: str
    slots: tuple[Slot, ...]
    progress: Progress
    etas: dict[int, Eta]


async def rounds_now(uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime) -> list[Round]:
    """The rounds teams take turns in, each with its ETAs from the recorded stage events."""
    events = await uow.stage_events.by_round()
    found = []
    for code in snapshot.rounds:
        slots = snapshot.round_slots.get(code, ())
        if any(slot.team_code for slot in slots):
            progress = replay(events.get(code, []))
            etas = {eta.position: eta for eta in forecast(slots, progress, now)}
            found.append(Round(code, slots, progress, etas))
    return found


async def resync(
    uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime, policy: ReminderPolicy
) -> list[Tracked]:
    """Plans every round again and stores the plan; returns the reminders still to send."""
    planned: list[Reminder] = []
    for round_ in await rounds_now(uow, snapshot, now):
        planned += plan(round_.code, round_.slots, round_.progress, now, policy, snapshot.zone)
    await uow.reminders.sync(planned)
    return await uow.reminders.planned()


async def deliver_due(uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime) -> int:
    """Sends what is due and still useful, skips the rest; returns how many were sent."""
    due = await uow.reminders.due(now)
    if not due:
        return 0
    rounds = await rounds_now(uow, snapshot, now)
    etas = {(r.code, position): eta for r in rounds for position, eta in r.etas.items()}
    accounts = await bound_accounts(uow)
    sent = 0
    for tracked in _latest_lead_only(due):
        reminder = tracked.reminder
        eta = etas.get((reminder.round_code, reminder.position))
        if tracked.status is ReminderStatus.SKIPPED or not still_useful(reminder, eta, now):
            await uow.reminders.mark(tracked.id, ReminderStatus.SKIPPED, now)
            continue
        team = snapshot.members.get(reminder.team_code, ())
        deliveries = [
            reader.message(
                reminder.key,
                reminder_text(reader.t, snapshot, reminder),
                Priority.REMINDER,
                _got_it(reader.t, tracked),
            )
            for reader in await readers(uow, snapshot, team, accounts)
        ]
        await uow.outbox.enqueue(deliveries, now)
        await uow.reminders.mark(tracked.id, ReminderStatus.SENT, now)
        sent += 1
    return sent


async def escalate_due(
    uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime, policy: ReminderPolicy
) -> int:
    """Alerts the leader, then the organizers, about reminders nobody acknowledged in time."""
    alerted = 0
    accounts = await bound_accounts(uow)
    for tracked in await uow.reminders.awaiting_acknowledgement():
        if not escalation_due(tracked, policy, now):
            continue
        level = tracked.escalations + 1
        to_leader = level == 1
        people = _leaders(snapshot, tracked) if to_leader else _organizers(snapshot)
        minutes = int((now - (tracked.sent_at or now)).total_seconds() // 60)
        key = f"{tracked.reminder.key}:escalation{level}"
        deliveries = [
            reader.message(
                key,
                escalation_text(reader.t, snapshot, tracked.reminder, minutes, to_leader),
                Priority.REMINDER,
            )
            for reader in await readers(uow, snapshot, people, accounts)
        ]
        await uow.outbox.enqueue(deliveries, now)
        await uow.reminders.escalated(tracked.id, level)
        alerted += 1
    return alerted


async def acknowledge(uow: UnitOfWork, reminder_id: int, person: Person, now: datetime) -> bool:
    """A member of the reminded team says "got it"; True unless someone already did."""
    tracked = await uow.reminders.get(reminder_id)
    if tracked is None or tracked.reminder.team_code != person.team_code or person.id is None:
        raise LookupError(reminder_id)
    return await uow.reminders.acknowledge(reminder_id, person.id, now)


def _latest_lead_only(due: Sequence[Tracked]) -> list[Tracked]:
    """Of several lead reminders of one turn due at once (the bot was down, or the schedule
    moved), only the nearest goes; the earlier ones are skipped rather than sent in a burst."""
    nearest: dict[tuple[str, int], Tracked] = {}
    for tracked in due:
        reminder = tracked.reminder
        if reminder.kind is ReminderKind.LEAD:
            turn = (reminder.round_code, reminder.position)
            if turn not in nearest or reminder.lead < nearest[turn].reminder.lead:
                nearest[turn] = tracked
    return [
        t if t.reminder.kind is not ReminderKind.LEAD
        or nearest[(t.reminder.round_code, t.reminder.position)] is t
        else Tracked(t.id, t.reminder, ReminderStatus.SKIPPED)
        for t in due
    ]  # fmt: skip


def _got_it(t: Texts, tracked: Tracked) -> Buttons:
    """ "Got it" where the team must answer; "I have arrived" under the early reminders."""
    if tracked.reminder.kind is ReminderKind.LEAD:
        return (((t(ARRIVED), CHECK_IN_DATA),),)
    if tracked.reminder.kind not in ACKNOWLEDGED:
        return ()
    return (((t(GOT_IT), acknowledge_data(tracked.id)),),)


def _leaders(snapshot: ContestSnapshot, tracked: Tracked) -> list[Person]:
    team = snapshot.members.get(tracked.reminder.team_code, ())
    return [p for p in team if p.role is Role.LEADER]


def _organizers(snapshot: ContestSnapshot) -> list[Person]:
    return [p for p in snapshot.data.people if p.role is Role.ORGANIZER]
