"""Turn reminders: planned from the live timeline, sent through the outbox, acknowledged,
escalated. Planning again at any time is safe: keys make every reminder happen once.
Acknowledgements are in bot/services/acknowledgements.py."""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.domain.accounts import Account
from bot.domain.audience import ON_SITE
from bot.domain.contest import Person, Slot
from bot.domain.enums import Locale, Role
from bot.domain.live import StageEvent, replay
from bot.domain.outbox import Buttons, NewDelivery, Priority
from bot.domain.reminders import (
    ACKNOWLEDGED,
    CHECK_IN_DATA,
    MemberState,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReminderStatus,
    Tracked,
    Turn,
    TurnAcknowledgement,
    TurnNow,
    acknowledge_data,
    chain_heads,
    next_escalation,
    paused_between,
    plan,
    round_over,
    still_useful,
)
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import Eta, Progress, SlotState, forecast
from bot.services.ports import ReminderViews, UnitOfWork
from bot.services.readers import bound_accounts, readers

# Far longer than any reminder waits in the outbox; older ones are long sent or given up.
QUEUED_AT_MOST = timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class Round:
    """One round's programme, its stage events and its forecast right now."""

    code: str
    slots: tuple[Slot, ...]
    progress: Progress
    etas: dict[int, Eta]
    events: tuple[StageEvent, ...] = ()


async def rounds_now(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    now: datetime,
    only: Collection[str] | None = None,
) -> list[Round]:
    """The rounds teams take turns in (or `only` those of them), each with its ETAs from the
    recorded stage events."""
    events = await uow.stage_events.by_round()
    found = []
    for code in snapshot.rounds:
        if only is not None and code not in only:
            continue
        slots = snapshot.round_slots.get(code, ())
        if any(slot.team_code for slot in slots):
            recorded = tuple(events.get(code, []))
            progress = replay(recorded)
            etas = {eta.position: eta for eta in forecast(slots, progress, now)}
            found.append(Round(code, slots, progress, etas, recorded))
    return found


async def resync(
    uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime, policy: ReminderPolicy
) -> list[Tracked]:
    """Plans every round again and stores the plan; returns the reminders still to send."""
    planned: list[Reminder] = []
    rounds = await rounds_now(uow, snapshot, now)
    for round_ in rounds:
        planned += plan(round_.code, round_.slots, round_.progress, now, policy, snapshot.zone)
    await uow.reminders.sync(planned)
    await withdraw_overtaken(uow, rounds, now)
    return await uow.reminders.planned()


async def withdraw_overtaken(uow: UnitOfWork, rounds: Sequence[Round], now: datetime) -> int:
    """Copies of reminders and escalations still queued in the outbox that the live run has
    overtaken (the team called, done or absent, the round over) are cancelled: sent now, they
    would contradict it. Returns how many copies were cancelled."""
    by_code = {round_.code: round_ for round_ in rounds}
    keys = []
    for tracked in await uow.reminders.sent_since(now - QUEUED_AT_MOST):
        round_ = by_code.get(tracked.reminder.round_code)
        if round_ is not None and _overtaken(tracked.reminder, round_):
            key = tracked.reminder.key
            keys += [key, *(f"{key}:escalation{n}" for n in range(1, tracked.escalations + 1))]
    return await uow.outbox.cancel_pending(keys)


def _overtaken(reminder: Reminder, round_: Round) -> bool:
    eta = round_.etas.get(reminder.position)
    if round_over(round_.slots, round_.progress) or eta is None:
        return True
    if eta.team_code != reminder.team_code:
        return True
    if reminder.kind is ReminderKind.ON_STAGE:
        return eta.state is not SlotState.ON_STAGE
    return eta.state is not SlotState.WAITING


async def deliver_due(
    uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime, views: ReminderViews
) -> list[int]:
    """Sends what is due and still useful, skips the rest; returns the ids of the reminders
    dealt with either way. A tick runs every time one falls due, so it reads only what the
    reminders due need (their rounds, their teams' accounts) and writes in batches."""
    due = await uow.reminders.due(now)
    if not due:
        return []
    rounds = await rounds_now(uow, snapshot, now, {t.reminder.round_code for t in due})
    etas = {(r.code, position): eta for r in rounds for position, eta in r.etas.items()}
    teams = {t.reminder.team_code: snapshot.members.get(t.reminder.team_code, ()) for t in due}
    accounts = await _accounts_of(uow, [p for team in teams.values() for p in team])
    acknowledged = await uow.reminders.acknowledgements()
    sent: list[int] = []
    skipped: list[int] = []
    deliveries: list[NewDelivery] = []
    for tracked in _latest_lead_only(due):
        reminder = tracked.reminder
        eta = etas.get((reminder.round_code, reminder.position))
        if tracked.status is ReminderStatus.SKIPPED or not still_useful(reminder, eta, now):
            skipped.append(tracked.id)
            continue
        answered = acknowledged.get(reminder.turn)
        deliveries += [
            reader.message(
                reminder.key,
                _reminder(views, reader.locale, snapshot, reminder, answered),
                Priority.REMINDER,
                () if answered else _got_it(views, reader.locale, tracked),
            )
            for reader in await readers(uow, snapshot, teams[reminder.team_code], accounts)
        ]
        sent.append(tracked.id)
    await uow.outbox.enqueue(deliveries, now)
    await uow.reminders.mark_all(sent, ReminderStatus.SENT, now)
    await uow.reminders.mark_all(skipped, ReminderStatus.SKIPPED, now)
    return sent + skipped


async def _accounts_of(uow: UnitOfWork, people: Iterable[Person]) -> dict[int | None, Account]:
    ids = {person.id for person in people if person.id is not None}
    return {account.person_id: account for account in await uow.accounts.bound_of(ids)}


@dataclass(frozen=True, slots=True)
class Escalation:
    """The next step of a turn's chain: on which reminder, which level, due when."""

    tracked: Tracked
    level: int
    due_at: datetime


async def pending_escalations(
    uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime, policy: ReminderPolicy
) -> list[Escalation]:
    """Every turn's next escalation step that the live run still allows, due or not."""
    if not policy.escalate_after:
        return []
    awaiting = await uow.reminders.awaiting_acknowledgement()
    if not awaiting:
        return []
    rounds = {r.code: r for r in await rounds_now(uow, snapshot, now)}
    acknowledged = await uow.reminders.acknowledgements()
    found = []
    for head in chain_heads(awaiting):
        turn = _turn_now(rounds.get(head.reminder.round_code), head, now)
        turn = replace(turn, acknowledged=head.reminder.turn in acknowledged)
        due = next_escalation(head, turn, policy)
        if due is not None:
            found.append(Escalation(head, head.escalations + 1, due))
    return found


async def escalate_due(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    now: datetime,
    policy: ReminderPolicy,
    views: ReminderViews,
) -> int:
    """Alerts the leader, then the organizers, about turns nobody acknowledged in time."""
    alerted = 0
    steps = [s for s in await pending_escalations(uow, snapshot, now, policy) if s.due_at <= now]
    accounts = await bound_accounts(uow) if steps else {}
    for step in steps:
        tracked, to_leader = step.tracked, step.level == 1
        people = _leaders(snapshot, tracked) if to_leader else _organizers(snapshot)
        waited = now - (step.due_at - policy.escalate_after[step.level - 1])
        members = await member_states(uow, snapshot, tracked.reminder.team_code, now, accounts)
        deliveries = [
            reader.message(
                f"{tracked.reminder.key}:escalation{step.level}",
                views.escalation(
                    reader.locale,
                    snapshot,
                    tracked.reminder,
                    int(waited.total_seconds() // 60),
                    to_leader,
                    members,
                ),
                Priority.REMINDER,
            )
            for reader in await readers(uow, snapshot, people, accounts)
        ]
        await uow.outbox.enqueue(deliveries, now)
        await uow.reminders.escalated(tracked.id, step.level)
        alerted += 1
    return alerted


async def member_states(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    team_code: str,
    now: datetime,
    accounts: Mapping[int | None, Account] | None = None,
) -> list[MemberState]:
    """The team's members on site today: joined the bot? checked in when?"""
    if accounts is None:
        accounts = await bound_accounts(uow)
    day = now.astimezone(snapshot.zone).date()
    found = []
    for person in snapshot.members.get(team_code, ()):
        if person.role in ON_SITE and person.id is not None:
            arrived = await uow.check_ins.at(person.id, day)
            found.append(MemberState(person, person.id in accounts, arrived))
    return found


async def current_turn(
    uow: UnitOfWork, snapshot: ContestSnapshot, team_code: str, now: datetime
) -> Turn | None:
    """The team's turn on stage now, else its next one, by the live forecast (a round never
    run live is taken to have happened as printed, as when planning reminders)."""
    found: list[tuple[bool, datetime, Turn]] = []
    for round_ in await rounds_now(uow, snapshot, now):
        if round_over(round_.slots, round_.progress):
            continue
        live = any(r.started_at is not None for r in round_.progress.records)
        for slot in round_.slots:
            eta = round_.etas.get(slot.position)
            if eta is None or eta.team_code != team_code:
                continue
            printed_end = slot.starts_at + round_.progress.delay + slot.duration
            if eta.state not in (SlotState.ON_STAGE, SlotState.WAITING) or (
                not live and printed_end <= now
            ):
                continue
            turn = Turn(round_.code, slot.position, team_code)
            found.append((eta.state is not SlotState.ON_STAGE, eta.expected_start, turn))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def default_locale(snapshot: ContestSnapshot) -> Locale:
    return snapshot.data.contest.default_locale


def acknowledger(snapshot: ContestSnapshot, acknowledgement: TurnAcknowledgement) -> str:
    person = snapshot.people.get(acknowledgement.person_id or 0)
    return person.name if person else "?"


def _turn_now(round_: Round | None, head: Tracked, now: datetime) -> TurnNow:
    if round_ is None:
        return TurnNow(None, False, False, False, timedelta(0))
    return TurnNow(
        eta=round_.etas.get(head.reminder.position),
        acknowledged=False,
        over=round_over(round_.slots, round_.progress),
        paused_now=round_.progress.paused_at is not None,
        paused_since_sent=paused_between(round_.events, head.sent_at or now, now),
    )


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


def _reminder(
    views: ReminderViews,
    locale: Locale,
    snapshot: ContestSnapshot,
    reminder: Reminder,
    answered: TurnAcknowledgement | None,
) -> str:
    """A reminder of a turn already acknowledged says so, and asks for nothing (the call on
    stage is an order, not a question)."""
    text = views.reminder(locale, snapshot, reminder)
    if answered is None or reminder.kind is ReminderKind.ON_STAGE:
        return text
    by = acknowledger(snapshot, answered)
    return views.acknowledged_reminder(locale, snapshot.zone, text, by, answered.at)


def _got_it(views: ReminderViews, locale: Locale, tracked: Tracked) -> Buttons:
    """ "Got it" where the team must answer; "I have arrived" under the early reminders."""
    if tracked.reminder.kind is ReminderKind.LEAD:
        return (((views.arrived_label(locale), CHECK_IN_DATA),),)
    if tracked.reminder.kind not in ACKNOWLEDGED:
        return ()
    return (((views.got_it_label(locale), acknowledge_data(tracked.id)),),)


def _leaders(snapshot: ContestSnapshot, tracked: Tracked) -> list[Person]:
    team = snapshot.members.get(tracked.reminder.team_code, ())
    return [p for p in team if p.role is Role.LEADER]


def _organizers(snapshot: ContestSnapshot) -> list[Person]:
    return [p for p in snapshot.data.people if p.role is Role.ORGANIZER]
