"""Announcements: preview the audience, publish through the outbox, report, cancel."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.audience import (
    Audience,
    AudienceKind,
    members,
    parse_audience,
    team_codes,
    unknown_codes,
)
from bot.domain.audit import AuditAction
from bot.domain.broadcasts import Broadcast, broadcast_key, progress
from bot.domain.enums import Locale
from bot.domain.groups import TeamChat
from bot.domain.outbox import Attachment, NewDelivery, Priority
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit import actor, record
from bot.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Recipient:
    chat_id: int
    locale: Locale | None
    person_id: int | None = None


@dataclass(frozen=True, slots=True)
class Reach:
    """Who an audience names and who of them can be reached now."""

    people: int
    recipients: tuple[Recipient, ...]
    team_chats: tuple[TeamChat, ...]  # groups of the teams it names, for posting and pinning


@dataclass(frozen=True, slots=True)
class Preview:
    audience: Audience
    people: int
    reachable: int  # of them, those who joined the bot
    unknown: tuple[str, ...] = ()
    team_chats: int = 0


@dataclass(frozen=True, slots=True)
class Announcement:
    audience: Audience
    text: str  # HTML; the caption when there is an attachment
    text_en: str = ""
    send_at: datetime | None = None
    # Where it was confirmed (e.g. chat and draft): confirming the same draft again is a no-op.
    origin: str | None = None
    attachment: Attachment | None = None
    pin: bool = False  # also post it in the audience's team group chats and pin it there


async def reach(
    uow: UnitOfWork, snapshot: ContestSnapshot, audience: Audience, now: datetime
) -> Reach:
    if audience.kind is AudienceKind.FOLLOWERS:
        followers = await uow.follows.followers(audience.track_code or "")
        found = tuple(Recipient(a.chat_id, a.locale) for a in followers)
        return Reach(len(found), found, ())
    checked_in: set[int] = set()
    if audience.kind is AudienceKind.NOT_CHECKED_IN:
        checked_in = await uow.check_ins.checked_in(now.astimezone(snapshot.zone).date())
    people = {p.id: p for p in members(audience, snapshot, checked_in)}
    recipients = tuple(
        Recipient(account.chat_id, account.locale or person.locale, person.id)
        for account in await uow.accounts.bound()
        if (person := people.get(account.person_id)) is not None
    )
    chats = await uow.team_chats.of_teams(team_codes(list(people.values())))
    return Reach(len(people), recipients, tuple(chats))


async def preview(
    uow: UnitOfWork, snapshot: ContestSnapshot, audience: Audience, now: datetime
) -> Preview:
    found = await reach(uow, snapshot, audience, now)
    unknown = tuple(unknown_codes(audience, snapshot))
    return Preview(audience, found.people, len(found.recipients), unknown, len(found.team_chats))


async def previews(
    uow: UnitOfWork, snapshot: ContestSnapshot, keys: Sequence[str], now: datetime
) -> dict[str, Preview]:
    """A preview for each key that names an audience, by key (the others are left out)."""
    found = {}
    for key in keys:
        if (audience := parse_audience(key)) is not None:
            found[key] = await preview(uow, snapshot, audience, now)
    return found


async def publish(
    uow: UnitOfWork,
    now: datetime,
    snapshot: ContestSnapshot,
    announcement: Announcement,
    author_id: int | None,
) -> Broadcast:
    """Records the broadcast and one outbox delivery per recipient, in their language."""
    if announcement.origin and (done := await uow.broadcasts.by_origin(announcement.origin)):
        return done
    found = await reach(uow, snapshot, announcement.audience, now)
    broadcast = await uow.broadcasts.add(
        audience=announcement.audience.key,
        text=announcement.text,
        text_en=announcement.text_en,
        send_at=announcement.send_at or now,
        created_at=now,
        audience_size=found.people,
        author_id=author_id,
        origin=announcement.origin,
        attachment=announcement.attachment,
        pinned=announcement.pin,
    )
    group_locale = snapshot.data.contest.default_locale
    groups = found.team_chats if announcement.pin else ()
    deliveries = [
        _delivery(broadcast.id, announcement, r.chat_id, r.locale, r.person_id)
        for r in found.recipients
    ] + [_delivery(broadcast.id, announcement, c.chat_id, group_locale, pin=True) for c in groups]
    added = await uow.outbox.enqueue(deliveries, now)
    await uow.broadcasts.set_recipients(broadcast.id, added)
    await record(
        uow, now, actor(snapshot, author_id), AuditAction.BROADCAST_SENT,
        broadcast_key(broadcast.id),
        after={"audience": broadcast.audience, "recipients": added, "text": broadcast.text},
    )  # fmt: skip
    return broadcast


async def announce(
    uow: UnitOfWork,
    now: datetime,
    snapshot: ContestSnapshot,
    announcement: Announcement,
    author_id: int | None,
) -> Broadcast:
    """Publishes, and returns the broadcast as stored: with the number it was queued for."""
    broadcast = await publish(uow, now, snapshot, announcement, author_id)
    return await uow.broadcasts.get(broadcast.id) or broadcast


def _delivery(
    broadcast_id: int,
    announcement: Announcement,
    chat_id: int,
    locale: Locale | None,
    person_id: int | None = None,
    pin: bool = False,
) -> NewDelivery:
    english = locale is Locale.EN and announcement.text_en
    return NewDelivery(
        broadcast_key(broadcast_id),
        chat_id,
        announcement.text_en if english else announcement.text,
        Priority.ANNOUNCEMENT,
        person_id,
        announcement.send_at,
        announcement.attachment,
        pin,
    )


async def report(uow: UnitOfWork, broadcast_id: int) -> dict[str, int]:
    return progress(await uow.outbox.report(broadcast_key(broadcast_id)))


async def cancel(uow: UnitOfWork, broadcast_id: int) -> int:
    """Stops what has not gone yet; returns how many deliveries were stopped."""
    await uow.broadcasts.mark_cancelled(broadcast_id)
    return await uow.outbox.cancel(broadcast_key(broadcast_id))
