"""Which rounds' results are official, since when, in which version. Never commits."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.inserts import insert_new
from storage.models import PublicationRequestRow, PublicationRow


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
        rows = await self._session.execute(
            select(PublicationRow.round_code, func.max(PublicationRow.version)).group_by(
                PublicationRow.round_code
            )
        )
        return {code: version for code, version in rows}

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
        published = await self.published()
        rows = await self._session.scalars(select(PublicationRequestRow))
        return {
            row.round_code: (row.version, row.requested_by)
            for row in rows
            if row.version > published.get(row.round_code, 0)
        }
