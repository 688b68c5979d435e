"""Spaced-repetition cards. Never commits."""

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.inserts import dialect_insert, dialect_of
from storage.models import ReviewCardRow


@cache
def _saving(dialect: str) -> Insert:
    """The card's upsert, built once per dialect (building its `excluded` alias anew cost a
    tap more than running it)."""
    cards = ReviewCardRow.__table__
    statement = dialect_insert(dialect)(cards)
    upsert: Insert = statement.on_conflict_do_update(
        index_elements=["person_id", "question_code"],
        set_={"card": statement.excluded.card, "due": statement.excluded.due},
    )
    return upsert


class SqlReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def card(self, person_id: int, question_code: str) -> dict[str, Any] | None:
        found = await self._session.scalar(
            select(ReviewCardRow.card).where(
                ReviewCardRow.person_id == person_id, ReviewCardRow.question_code == question_code
            )
        )
        return dict(found) if found is not None else None

    async def save(
        self, person_id: int, question_code: str, card: dict[str, Any], due: datetime
    ) -> None:
        """One statement, new card or not (an upsert on the person and question)."""
        values = {"person_id": person_id, "question_code": question_code, "card": card, "due": due}
        await self._session.execute(_saving(dialect_of(self._session)), values)

    async def due(self, person_id: int, now: datetime) -> list[str]:
        """Question codes due by now, the most overdue first."""
        rows = await self._session.scalars(
            select(ReviewCardRow.question_code)
            .where(ReviewCardRow.person_id == person_id, ReviewCardRow.due <= now)
            .order_by(ReviewCardRow.due, ReviewCardRow.id)
        )
        return list(rows)
