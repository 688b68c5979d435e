"""One acknowledgement per turn: a member's "got it" or check-in answers for the team's turn.

What was sent changes with it: copies still queued in the outbox are rewritten there, sent ones
are edited through the outbox too (an edit delivery names the copy it rewrites and learns its
Telegram message id from it), so edits share the sender's limits, retries and one-per-chat
keys; those alerted about the turn are told once each. Only the turn's first acknowledgement
does any of this, so a second tap or a repeated update adds nothing.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.contest import Person
from bot.domain.enums import Locale
from bot.domain.outbox import NewDelivery, Priority, Status
from bot.domain.reminders import (
    ACKNOWLEDGED,
    AcknowledgedVia,
    ReminderStatus,
    Tracked,
    Turn,
    TurnAcknowledgement,
    chain_heads,
    round_over,
)
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import SlotState
from bot.services.ports import ReminderViews, UnitOfWork
from bot.services.readers import readers
from bot.services.reminders import acknowledger, default_locale, rounds_now

GONE = (Status.FAILED, Status.UNREACHABLE, Status.CANCELLED)


@dataclass(frozen=True, slots=True)
class Acknowledged:
    """A "got it": whether it was the turn's first, and the pressed message as it now reads
    (saying who acknowledged the turn, and when)."""

    first: bool
    text: str


async def acknowledge(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    reminder_id: int,
    person: Person,
    chat_id: int,
    now: datetime,
    views: ReminderViews,
) -> Acknowledged:
    """A member of the reminded team says "got it" for the team's whole turn; LookupError
    when the reminder is not their team's."""
    tracked = await uow.reminders.get(reminder_id)
    if tracked is None or tracked.reminder.team_code != person.team_code or person.id is None:
        raise LookupError(reminder_id)
    turn = tracked.reminder.turn
    first = await uow.reminders.acknowledge_turn(turn, person.id, now, AcknowledgedVia.BUTTON)
    if first:
        await uow.reminders.acknowledge(reminder_id, person.id, now)
    acknowledgement = (await uow.reminders.acknowledgements())[turn]
    by = acknowledger(snapshot, acknowledgement)
    pressed = (tracked.reminder.key, chat_id)
    if first:
        await _spread(uow, snapshot, acknowledgement, now, views, pressed)
    locales = await _locales_of(uow, snapshot, [person.id])
    locale = locales.get(person.id) or default_locale(snapshot)
    original = next(
        (c.text for c in await uow.outbox.copies([pressed[0]]) if c.chat_id == chat_id),
        views.reminder(locale, snapshot, tracked.reminder),
    )
    text = views.acknowledged_reminder(locale, snapshot.zone, original, by, acknowledgement.at)
    return Acknowledged(first, text)


async def acknowledge_by_check_in(
    uow: UnitOfWork, snapshot: ContestSnapshot, person: Person, now: datetime,
    views: ReminderViews,
) -> int:  # fmt: skip
    """A member who checks in answers for the team's turns being reminded now (waiting, with
    a reminder sent); returns how many turns that acknowledged."""
    if person.id is None or person.team_code is None:
        return 0
    count = 0
    for round_ in await rounds_now(uow, snapshot, now):
        if round_over(round_.slots, round_.progress):
            continue
        for eta in round_.etas.values():
            if eta.team_code != person.team_code or eta.state is not SlotState.WAITING:
                continue
            turn = Turn(round_.code, eta.position, person.team_code)
            reminded = any(
                t.status is ReminderStatus.SENT for t in await uow.reminders.of_turn(turn)
            )
            via = AcknowledgedVia.CHECK_IN
            if reminded and await uow.reminders.acknowledge_turn(turn, person.id, now, via):
                acknowledgement = (await uow.reminders.acknowledgements())[turn]
                await _spread(uow, snapshot, acknowledgement, now, views)
                count += 1
    return count


async def _spread(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    acknowledgement: TurnAcknowledgement,
    now: datetime,
    views: ReminderViews,
    pressed: tuple[str, int] | None = None,
) -> None:
    """Every copy of the turn's "got it" reminders now says who acknowledged (the pressed one is
    edited by the handler); those alerted about the turn are told, once each."""
    asking = [
        t for t in await uow.reminders.of_turn(acknowledgement.turn)
        if t.status is ReminderStatus.SENT and t.reminder.kind in ACKNOWLEDGED
    ]  # fmt: skip
    if not asking:
        return
    by = acknowledger(snapshot, acknowledgement)
    copies = await uow.outbox.copies([t.reminder.key for t in asking])
    locales = await _locales_of(uow, snapshot, {c.person_id for c in copies})
    edits = []
    for copy in copies:
        if (copy.dedup_key, copy.chat_id) == pressed or copy.status in GONE:
            continue
        locale = locales.get(copy.person_id) or default_locale(snapshot)
        text = views.acknowledged_reminder(locale, snapshot.zone, copy.text, by,
                                           acknowledgement.at)  # fmt: skip
        if copy.status is Status.PENDING and await uow.outbox.rewrite_pending(copy.id, text, ()):
            continue
        if copy.status is Status.SENT and copy.message_id is None:
            continue  # sent before message ids were kept: nothing to edit
        edits.append(
            NewDelivery(
                f"{copy.dedup_key}:ack",
                copy.chat_id,
                text,
                Priority.REMINDER,
                copy.person_id,
                edits=copy.id,
                message_id=copy.message_id,
            )
        )
    await uow.outbox.enqueue(edits, now)
    await _tell_the_alerted(uow, snapshot, asking, acknowledgement, now, views)


async def _tell_the_alerted(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    asking: Sequence[Tracked],
    acknowledgement: TurnAcknowledgement,
    now: datetime,
    views: ReminderViews,
) -> None:
    keys = [
        f"{t.reminder.key}:escalation{level}"
        for t in asking
        for level in range(1, t.escalations + 1)
    ]
    for key in keys:
        await uow.outbox.cancel(key)  # not sent yet: no need to alarm anyone
    alerted = [
        c for c in await uow.outbox.copies(keys) if c.status in (Status.SENDING, Status.SENT)
    ]
    if not alerted:
        return
    head = chain_heads(asking)[0].reminder
    locales = await _locales_of(uow, snapshot, {c.person_id for c in alerted})
    by = acknowledger(snapshot, acknowledgement)
    notices = {
        c.chat_id: NewDelivery(
            f"{acknowledgement.turn.key}:acknowledged",
            c.chat_id,
            views.late_acknowledgement(
                locales.get(c.person_id) or default_locale(snapshot),
                snapshot,
                head,
                by,
                acknowledgement.at,
            ),
            Priority.REMINDER,
            c.person_id,
        )
        for c in alerted
    }
    await uow.outbox.enqueue(list(notices.values()), now)


async def _locales_of(
    uow: UnitOfWork, snapshot: ContestSnapshot, person_ids: Collection[int | None]
) -> dict[int | None, Locale]:
    people = [snapshot.people[i] for i in person_ids if i is not None and i in snapshot.people]
    return {reader.person.id: reader.locale for reader in await readers(uow, snapshot, people)}
