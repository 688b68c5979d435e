"""The audit trail: entries are only ever added, each sealed onto the one before. Never commits."""

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.audit import AuditAction, AuditEntry, append
from storage.models import AuditRow

# PostgreSQL: appenders take turns on this lock until they commit (SQLite's writes already do).
CHAIN_LOCK = 7_120_345

Values = Mapping[str, str | int | None] | None


class SqlAuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def append(
        self,
        at: datetime,
        actor: str,
        action: AuditAction,
        subject: str,
        before: Values,
        after: Values,
        reason: str = "",
    ) -> AuditEntry:
        if self._session.get_bind().dialect.name == "postgresql":
            await self._session.execute(text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
        tail_row = await self._session.scalar(
            select(AuditRow).order_by(AuditRow.sequence.desc()).limit(1)
        )
        tail = _entry(tail_row) if tail_row else None
        entry = append(tail, at, actor, action, subject, before, after, reason)
        self._session.add(
            AuditRow(
                sequence=entry.sequence,
                at=entry.at,
                actor=entry.actor,
                action=entry.action.value,
                subject=entry.subject,
                before=dict(entry.before) if entry.before is not None else None,
                after=dict(entry.after) if entry.after is not None else None,
                reason=entry.reason,
                previous_hash=entry.previous_hash,
                hash=entry.hash,
            )
        )
        await self._session.flush()
        return entry

    async def entries(self) -> list[AuditEntry]:
        rows = await self._session.scalars(select(AuditRow).order_by(AuditRow.sequence))
        return [_entry(row) for row in rows]


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        sequence=row.sequence,
        at=row.at,
        actor=row.actor,
        action=AuditAction(row.action),
        subject=row.subject,
        before=row.before,
        after=row.after,
        reason=row.reason,
        previous_hash=row.previous_hash,
        hash=row.hash,
    )
