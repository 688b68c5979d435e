"""Which rounds' results are official, since when, in which version, and which versions were
withdrawn. Never commits."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.outbox import Status
from storage.inserts import insert_new
from storage.models import (
    DeliveryRow,
    PublicationRequestRow,
    PublicationRow,
    PublicationWithdrawalRow,
)


class SqlPublicationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def version(self, round_code: str) -> int:
        """0 while the round is a draft; then 1, and one more per published correction."""
        found: int | None = await self._session.scalar(
            select(func.max(PublicationRow.version)).where(PublicationRow.round_code == round_code)
        )
        return found or 0

    async def published(self) -> dict[str, int]:
        """Round code → its latest version, for the rounds whose latest was not withdrawn."""
        withdrawn = await self.withdrawn()
        return {
            code: version
            for code, version in (await self.versions()).items()
            if (code, version) not in withdrawn
        }

    async def versions(self) -> dict[str, int]:
        """Round code → its latest version, withdrawn or not (the next one is one more)."""
        rows = await self._session.execute(
            select(PublicationRow.round_code, func.max(PublicationRow.version)).group_by(
                PublicationRow.round_code
            )
        )
        return {code: version for code, version in rows}

    async def withdrawn(self) -> dict[tuple[str, int], str]:
        """(round code, version) → the reason it was withdrawn."""
        rows = await self._session.scalars(select(PublicationWithdrawalRow))
        return {(row.round_code, row.version): row.reason for row in rows}

    async def withdraw(
        self, round_code: str, version: int, by: str, reason: str, now: datetime
    ) -> bool:
        """False when this version was withdrawn already (a double tap)."""
        statement = insert_new(self._session, PublicationWithdrawalRow, "round_code", "version")
        values = {"round_code": round_code, "version": version, "withdrawn_by": by,
                  "withdrawn_at": now, "reason": reason}  # fmt: skip
        result = await self._session.execute(
            statement.returning(PublicationWithdrawalRow.id), [values]
        )
        return bool(result.all())

    async def recipients(self, dedup_keys: Sequence[str]) -> set[int]:
        """The chats that were sent, or are being sent, a delivery under one of these keys."""
        found = await self._session.scalars(
            select(DeliveryRow.chat_id).where(
                DeliveryRow.dedup_key.in_(dedup_keys), DeliveryRow.status != Status.CANCELLED
            )
        )
        return set(found)

    async def publish(self, round_code: str, version: int, by: str, now: datetime) -> bool:
        """False when this version was published already (a double tap, a repeated update)."""
        statement = insert_new(self._session, PublicationRow, "round_code", "version")
        values = {"round_code": round_code, "version": version, "published_at": now,
                  "published_by": by}  # fmt: skip
        result = await self._session.execute(statement.returning(PublicationRow.id), [values])
        return bool(result.all())

    async def request(self, round_code: str, version: int, by: str, now: datetime) -> str:
        """Records who asked to publish this version first; returns that organizer's code."""
        statement = insert_new(self._session, PublicationRequestRow, "round_code", "version")
        values = {"round_code": round_code, "version": version, "requested_by": by,
                  "requested_at": now}  # fmt: skip
        await self._session.execute(statement, [values])
        first: str | None = await self._session.scalar(
            select(PublicationRequestRow.requested_by).where(
                PublicationRequestRow.round_code == round_code,
                PublicationRequestRow.version == version,
            )
        )
        return first or by

    async def requests(self) -> dict[str, tuple[int, str]]:
        """Round code → (version, organizer) of requests not yet published."""
        published = await self.versions()
        rows = await self._session.scalars(select(PublicationRequestRow))
        return {
            row.round_code: (row.version, row.requested_by)
            for row in rows
            if row.version > published.get(row.round_code, 0)
        }
