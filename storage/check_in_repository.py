"""Arrivals on contest days. Never commits."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.inserts import insert_new
from storage.models import CheckInRow


class SqlCheckInRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def check_in(self, person_id: int, day: date, at: datetime) -> datetime:
        """Records the arrival once a day; returns when the person checked in that day."""
        statement = insert_new(self._session, CheckInRow, "person_id", "day")
        await self._session.execute(statement, [{"person_id": person_id, "day": day, "at": at}])
        recorded = await self.at(person_id, day)
        assert recorded is not None
        return recorded

    async def at(self, person_id: int, day: date) -> datetime | None:
        found: datetime | None = await self._session.scalar(
            select(CheckInRow.at).where(CheckInRow.person_id == person_id, CheckInRow.day == day)
        )
        return found

    async def checked_in(self, day: date) -> set[int]:
        rows = await self._session.scalars(
            select(CheckInRow.person_id).where(CheckInRow.day == day)
        )
        return set(rows)
