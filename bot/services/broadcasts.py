"""Announcements: preview the audience, publish through the outbox, report, cancel."""

from dataclasses import dataclass
from datetime import datetime

from bot.domain.audience import Audience, members, unknown_codes
from bot.domain.broadcasts import Broadcast, broadcast_key, progress
from bot.domain.enums import Locale
from bot.domain.outbox import NewDelivery, Priority
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import Clock, UnitOfWork


@dataclass(frozen=True, slots=True)
class Preview:
    audience: Audience
    people: int
    reachable: int  # of them, those who joined the bot
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Announcement:
    audience: Audience
    text: str
    text_en: str = ""
    send_at: datetime | None = None
    # Where it was confirmed (e.g. chat and draft): confirming the same draft again is a no-op.
    origin: str | None = None


async def preview(uow: UnitOfWork, snapshot: ContestSnapshot, audience: Audience) -> Preview:
    people = members(audience, snapshot)
    bound = await uow.accounts.bound_person_ids()
    reachable = sum(1 for person in people if person.id in bound)
    return Preview(audience, len(people), reachable, tuple(unknown_codes(audience, snapshot)))


async def publish(
    uow: UnitOfWork,
    clock: Clock,
    snapshot: ContestSnapshot,
    announcement: Announcement,
    author_id: int | None,
) -> Broadcast:
    """Records the broadcast and one outbox delivery per reachable member, in their language."""
    if announcement.origin and (done := await uow.broadcasts.by_origin(announcement.origin)):
        return done
    now = clock.now()
    people = {person.id: person for person in members(announcement.audience, snapshot)}
    broadcast = await uow.broadcasts.add(
        audience=announcement.audience.key,
        text=announcement.text,
        text_en=announcement.text_en,
        send_at=announcement.send_at or now,
        created_at=now,
        audience_size=len(people),
        author_id=author_id,
        origin=announcement.origin,
    )
    deliveries = []
    for account in await uow.accounts.bound():
        person = people.get(account.person_id)
        if person is None:
            continue
        english = (account.locale or person.locale) is Locale.EN and announcement.text_en
        deliveries.append(
            NewDelivery(
                broadcast_key(broadcast.id),
                account.chat_id,
                announcement.text_en if english else announcement.text,
                Priority.ANNOUNCEMENT,
                person.id,
                announcement.send_at,
            )
        )
    added = await uow.outbox.enqueue(deliveries, now)
    await uow.broadcasts.set_recipients(broadcast.id, added)
    return broadcast


async def report(uow: UnitOfWork, broadcast_id: int) -> dict[str, int]:
    return progress(await uow.outbox.report(broadcast_key(broadcast_id)))


async def cancel(uow: UnitOfWork, broadcast_id: int) -> int:
    """Stops what has not gone yet; returns how many deliveries were stopped."""
    await uow.broadcasts.mark_cancelled(broadcast_id)
    return await uow.outbox.cancel(broadcast_key(broadcast_id))
