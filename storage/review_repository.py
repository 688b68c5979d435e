"""Spaced-repetition cards. Never commits."""

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ReviewCardRow


class SqlReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def card(self, person_id: int, question_code: str) -> dict[str, Any] | None:
        row = await self._row(person_id, question_code)
        return dict(row.card) if row else None

    async def save(
        self, person_id: int, question_code: str, card: dict[str, Any], due: datetime
    ) -> None:
        row = await self._row(person_id, question_code)
        if row is None:
            row = ReviewCardRow(person_id=person_id, question_code=question_code)
            self._session.add(row)
        row.card, row.due = card, due
        await self._session.flush()

    async def due(self, person_id: int, now: datetime) -> list[str]:
        """Question codes due by now, the most overdue first."""
        rows = await self._session.scalars(
            select(ReviewCardRow.question_code)
            .where(ReviewCardRow.person_id == person_id, ReviewCardRow.due <= now)
            .order_by(ReviewCardRow.due, ReviewCardRow.id)
        )
        return list(rows)

    async def _row(self, person_id: int, question_code: str) -> ReviewCardRow | None:
        found: ReviewCardRow | None = await self._session.scalar(
            select(ReviewCardRow).where(
                ReviewCardRow.person_id == person_id, ReviewCardRow.question_code == question_code
            )
        )
        return found
