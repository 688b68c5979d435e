"""Practice answers. Never commits."""

from collections.abc import Collection
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Insert, bindparam, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.practice_choice import LastAnswer
from storage.inserts import dialect_insert, dialect_of
from storage.models import PracticeAnswerRow, ReviewCardRow
from storage.score_repository import from_hundredths, to_hundredths


@cache
def _recording(dialect: str) -> Insert:
    """The answer's insert, returning the review card stored for the question: built once per
    dialect, so a tap neither rebuilds it nor computes its cache key again."""
    answers, cards = PracticeAnswerRow.__table__, ReviewCardRow.__table__
    card = (
        select(cards.c.card)
        .where(cards.c.person_id == bindparam("card_person"),
               cards.c.question_code == bindparam("card_question"))
        .scalar_subquery()
    )  # fmt: skip
    statement: Insert = dialect_insert(dialect)(answers).on_conflict_do_nothing(
        index_elements=["person_id", "attempt"]
    )
    return statement.returning(answers.c.id, card)


class SqlPracticeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(
        self, person_id: int, question_code: str, attempt: str, correct: bool, points: Decimal,
        now: datetime,
    ) -> bool:  # fmt: skip
        """False when this attempt was answered already (a double tap): it counts once."""
        counted, _ = await self.record_reviewed(
            person_id, question_code, attempt, correct, points, now
        )
        return counted

    async def record_reviewed(
        self, person_id: int, question_code: str, attempt: str, correct: bool, points: Decimal,
        now: datetime,
    ) -> tuple[bool, dict[str, Any] | None]:  # fmt: skip
        """`record`, also reading the person's review card for the question in the same
        statement (a tap is one round trip fewer): (counted, the card stored, if any)."""
        values = {
            "person_id": person_id,
            "question_code": question_code,
            "attempt": attempt,
            "correct": correct,
            "hundredths": to_hundredths(points),
            "answered_at": now,
            "card_person": person_id,
            "card_question": question_code,
        }
        rows = (await self._session.execute(_recording(dialect_of(self._session)), values)).all()
        if not rows:
            return False, None
        stored = rows[0][1]
        return True, dict(stored) if stored is not None else None

    async def history(self, person_id: int) -> list[tuple[str, bool, Decimal, datetime]]:
        """(question code, correct, points, when) of every answer, oldest first."""
        answer = PracticeAnswerRow
        rows = await self._session.execute(
            select(answer.question_code, answer.correct, answer.hundredths, answer.answered_at)
            .where(answer.person_id == person_id)
            .order_by(answer.id)
        )
        return [(code, correct, from_hundredths(hundredths), at)
                for code, correct, hundredths, at in rows]  # fmt: skip

    async def latest(self, person_id: int) -> dict[str, LastAnswer]:
        """The latest answer to each question answered, in the order the questions were first
        answered: one row per question, however long the history."""
        answer = PracticeAnswerRow
        spans = (
            select(
                answer.question_code,
                func.min(answer.id).label("first"),
                func.max(answer.id).label("last"),
            )
            .where(answer.person_id == person_id)
            .group_by(answer.question_code)
            .subquery()
        )
        rows = await self._session.execute(
            select(spans.c.question_code, answer.correct, answer.answered_at)
            .join(answer, answer.id == spans.c.last)
            .order_by(spans.c.first)
        )
        return {code: LastAnswer(correct, at) for code, correct, at in rows}

    async def tally(
        self, person_ids: Collection[int], since: datetime
    ) -> dict[int, tuple[int, int]]:
        """(right, answered) since `since`, by person, for those of `person_ids` who answered."""
        if not person_ids:
            return {}
        right = func.sum(case((PracticeAnswerRow.correct, 1), else_=0))
        rows = await self._session.execute(
            select(PracticeAnswerRow.person_id, right, func.count())
            .where(
                PracticeAnswerRow.person_id.in_(person_ids),
                PracticeAnswerRow.answered_at >= since,
            )
            .group_by(PracticeAnswerRow.person_id)
        )
        return {person: (int(hits or 0), int(total)) for person, hits, total in rows}
