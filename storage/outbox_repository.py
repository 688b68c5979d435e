"""The outbox table. Never commits: the sender commits each step so a crash loses nothing."""

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.outbox import (
    Attachment,
    AttachmentKind,
    Buttons,
    Delivery,
    NewDelivery,
    Status,
)
from storage.inserts import insert_new
from storage.models import DeliveryRow

CHUNK = 1000


class SqlOutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def enqueue(self, deliveries: Sequence[NewDelivery], now: datetime) -> int:
        """Adds what is new; an existing (dedup key, chat) pair is left alone. Returns how many."""
        statement = insert_new(self._session, DeliveryRow, "dedup_key", "chat_id")
        added = 0
        for start in range(0, len(deliveries), CHUNK):
            rows = [_row(d, now) for d in deliveries[start : start + CHUNK]]
            result = await self._session.execute(statement.returning(DeliveryRow.id), rows)
            added += len(result.all())
        return added

    async def claim_due(self, now: datetime, limit: int) -> list[Delivery]:
        """Marks the next due deliveries `sending` (skipping rows other senders hold). Each
        claim is known by the delivery's id and its attempt number, which only a claim raises."""
        query = (
            select(DeliveryRow)
            .where(DeliveryRow.status == Status.PENDING, DeliveryRow.next_attempt_at <= now)
            .order_by(DeliveryRow.priority, DeliveryRow.next_attempt_at, DeliveryRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = (await self._session.scalars(query)).all()
        for row in rows:
            row.status, row.claimed_at, row.attempts = Status.SENDING, now, row.attempts + 1
        await self._resolve_edits([row for row in rows if row.edits and row.message_id is None])
        await self._session.flush()
        return [_delivery(row) for row in rows]

    async def _resolve_edits(self, edits: Sequence[DeliveryRow]) -> None:
        """An edit enqueued while its message was in flight learns the message's id now."""
        if not edits:
            return
        query = select(DeliveryRow.id, DeliveryRow.message_id).where(
            DeliveryRow.id.in_([row.edits for row in edits])
        )
        sent = {row[0]: row[1] for row in await self._session.execute(query)}
        for row in edits:
            row.message_id = sent.get(row.edits or 0)

    async def finish(
        self,
        delivery_id: int,
        status: Status,
        now: datetime,
        error: str = "",
        retry_at: datetime | None = None,
        message_id: int | None = None,
        claim: int | None = None,
    ) -> None:
        """Records what became of a delivery; with `claim`, only while that claim still holds
        (a sender whose lease lapsed must not undo what the sender that took over recorded)."""
        values: dict[str, object] = {"status": status, "error": error}
        if status is Status.SENT:
            values["sent_at"] = now
        if message_id is not None:
            values["message_id"] = message_id
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        query = update(DeliveryRow).where(DeliveryRow.id == delivery_id)
        if claim is not None:
            query = query.where(DeliveryRow.status == Status.SENDING, DeliveryRow.attempts == claim)
        await self._session.execute(query.values(**values))

    async def renew(self, claims: Mapping[int, int], now: datetime) -> set[int]:
        """Extends the lease of these claims (delivery id -> claim); returns the ids still held.
        A claim another sender took over, or that was recorded meanwhile, is not renewed."""
        if not claims:
            return set()
        result = await self._session.execute(
            update(DeliveryRow)
            .where(
                DeliveryRow.status == Status.SENDING,
                tuple_(DeliveryRow.id, DeliveryRow.attempts).in_(list(claims.items())),
            )
            .values(claimed_at=now)
            .returning(DeliveryRow.id)
        )
        return set(result.scalars())

    async def recover(self, now: datetime, stale: timedelta) -> int:
        """Deliveries left `sending` by a sender that stopped renewing its claims for `stale`
        go back to pending."""
        result = await self._session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.status == Status.SENDING, DeliveryRow.claimed_at <= now - stale)
            .values(status=Status.PENDING)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def cancel(self, dedup_key: str) -> int:
        result = await self._session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.dedup_key == dedup_key, DeliveryRow.status == Status.PENDING)
            .values(status=Status.CANCELLED)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def cancel_pending(self, dedup_keys: Sequence[str]) -> int:
        """Every copy of these messages not yet on its way is cancelled."""
        cancelled = 0
        for start in range(0, len(dedup_keys), CHUNK):
            result = await self._session.execute(
                update(DeliveryRow)
                .where(
                    DeliveryRow.dedup_key.in_(dedup_keys[start : start + CHUNK]),
                    DeliveryRow.status == Status.PENDING,
                )
                .values(status=Status.CANCELLED)
            )
            cancelled += int(result.rowcount or 0)  # type: ignore[attr-defined]
        return cancelled

    async def report(self, dedup_key: str) -> Counter[Status]:
        rows = await self._session.execute(
            select(DeliveryRow.status, func.count())
            .where(DeliveryRow.dedup_key == dedup_key)
            .group_by(DeliveryRow.status)
        )
        return Counter({Status(status): count for status, count in rows})

    async def copies(self, dedup_keys: Collection[str]) -> list[Delivery]:
        """Every chat's copy of these messages, whatever became of it."""
        if not dedup_keys:
            return []
        query = select(DeliveryRow).where(DeliveryRow.dedup_key.in_(list(dedup_keys)))
        return [
            _delivery(row) for row in await self._session.scalars(query.order_by(DeliveryRow.id))
        ]

    async def rewrite_pending(self, delivery_id: int, text: str, buttons: Buttons) -> bool:
        """A copy not sent yet takes the new text and buttons; False once it is on its way."""
        result = await self._session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.id == delivery_id, DeliveryRow.status == Status.PENDING)
            .values(text=text, buttons=_buttons(buttons))
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def next_due(self) -> datetime | None:
        found: datetime | None = await self._session.scalar(
            select(func.min(DeliveryRow.next_attempt_at)).where(
                DeliveryRow.status == Status.PENDING
            )
        )
        return found


def _row(delivery: NewDelivery, now: datetime) -> dict[str, object]:
    return {
        "dedup_key": delivery.dedup_key,
        "chat_id": delivery.chat_id,
        "person_id": delivery.person_id,
        "text": delivery.text,
        "priority": int(delivery.priority),
        "status": Status.PENDING.value,
        "attempts": 0,
        "next_attempt_at": delivery.not_before or now,
        "error": "",
        "created_at": now,
        "attachment_kind": delivery.attachment.kind.value if delivery.attachment else "",
        "file_id": delivery.attachment.file_id if delivery.attachment else "",
        "pin": delivery.pin,
        "buttons": _buttons(delivery.buttons),
        "message_id": delivery.message_id,
        "edits": delivery.edits,
    }


def _buttons(buttons: Buttons) -> list[list[list[str]]]:
    return [[list(button) for button in row] for row in buttons]


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(
        id=row.id,
        dedup_key=row.dedup_key,
        chat_id=row.chat_id,
        text=row.text,
        priority=row.priority,
        status=Status(row.status),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        error=row.error,
        person_id=row.person_id,
        attachment=attachment_of(row.attachment_kind, row.file_id),
        pin=row.pin,
        buttons=tuple(tuple((label, data) for label, data in r) for r in row.buttons or ()),
        message_id=row.message_id,
        edits=row.edits,
    )


def attachment_of(kind: str, file_id: str) -> Attachment | None:
    return Attachment(AttachmentKind(kind), file_id) if kind else None
