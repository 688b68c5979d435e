"""Broadcasts. Never commits."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.broadcasts import Broadcast
from bot.domain.outbox import Attachment
from storage.models import BroadcastRow
from storage.outbox_repository import attachment_of


class SqlBroadcastRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self,
        *,
        audience: str,
        text: str,
        text_en: str,
        send_at: datetime,
        created_at: datetime,
        audience_size: int,
        author_id: int | None,
        origin: str | None = None,
        attachment: Attachment | None = None,
        pinned: bool = False,
    ) -> Broadcast:
        row = BroadcastRow(
            origin=origin,
            audience=audience,
            text=text,
            text_en=text_en,
            send_at=send_at,
            created_at=created_at,
            audience_size=audience_size,
            recipients=0,
            cancelled=False,
            author_id=author_id,
            attachment_kind=attachment.kind.value if attachment else "",
            file_id=attachment.file_id if attachment else "",
            pinned=pinned,
        )
        self._session.add(row)
        await self._session.flush()
        return _broadcast(row)

    async def by_origin(self, origin: str) -> Broadcast | None:
        row = await self._session.scalar(select(BroadcastRow).where(BroadcastRow.origin == origin))
        return _broadcast(row) if row else None

    async def set_recipients(self, broadcast_id: int, recipients: int) -> None:
        row = await self._session.get(BroadcastRow, broadcast_id)
        if row is not None:
            row.recipients = recipients

    async def get(self, broadcast_id: int) -> Broadcast | None:
        row = await self._session.get(BroadcastRow, broadcast_id)
        return _broadcast(row) if row else None

    async def latest(self, limit: int) -> list[Broadcast]:
        rows = await self._session.scalars(
            select(BroadcastRow).order_by(BroadcastRow.id.desc()).limit(limit)
        )
        return [_broadcast(row) for row in rows]

    async def mark_cancelled(self, broadcast_id: int) -> None:
        row = await self._session.get(BroadcastRow, broadcast_id)
        if row is not None:
            row.cancelled = True


def _broadcast(row: BroadcastRow) -> Broadcast:
    return Broadcast(
        id=row.id,
        audience=row.audience,
        text=row.text,
        text_en=row.text_en,
        send_at=row.send_at,
        created_at=row.created_at,
        audience_size=row.audience_size,
        recipients=row.recipients,
        cancelled=row.cancelled,
        author_id=row.author_id,
        attachment=attachment_of(row.attachment_kind, row.file_id),
        pinned=row.pinned,
    )
