"""Mock exams and their answers. Never commits."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.exams import Exam, Scored
from storage.inserts import insert_new
from storage.models import ExamAnswerRow, ExamRow
from storage.score_repository import from_hundredths, to_hundredths


class SqlExamRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self, person_id: int, questions: list[str], started_at: datetime, deadline: datetime
    ) -> Exam:
        row = ExamRow(person_id=person_id, questions=questions, started_at=started_at,
                      deadline=deadline, finished_at=None)  # fmt: skip
        self._session.add(row)
        await self._session.flush()
        return _exam(row)

    async def get(self, exam_id: int) -> Exam | None:
        row = await self._session.get(ExamRow, exam_id)
        return _exam(row) if row else None

    async def latest(self, person_id: int) -> Exam | None:
        row = await self._session.scalar(
            select(ExamRow).where(ExamRow.person_id == person_id).order_by(ExamRow.id.desc())
        )
        return _exam(row) if row else None

    async def finish(self, exam_id: int, now: datetime) -> None:
        row = await self._session.get(ExamRow, exam_id)
        if row is not None and row.finished_at is None:
            row.finished_at = now

    async def answer(self, exam_id: int, question_code: str, scored: Scored, now: datetime) -> bool:
        """False when the question was answered already: the first answer stands."""
        statement = insert_new(self._session, ExamAnswerRow, "exam_id", "question_code")
        values = {
            "exam_id": exam_id,
            "question_code": question_code,
            "hundredths": to_hundredths(scored.points),
            "max_hundredths": to_hundredths(scored.max_points),
            "correct": scored.correct,
            "answered_at": now,
        }
        result = await self._session.execute(statement.returning(ExamAnswerRow.id), [values])
        return bool(result.all())

    async def answers(self, exam_id: int) -> dict[str, Scored]:
        rows = await self._session.scalars(
            select(ExamAnswerRow).where(ExamAnswerRow.exam_id == exam_id).order_by(ExamAnswerRow.id)
        )
        return {
            row.question_code: Scored(
                from_hundredths(row.hundredths), from_hundredths(row.max_hundredths), row.correct
            )
            for row in rows
        }


def _exam(row: ExamRow) -> Exam:
    return Exam(row.id, row.person_id, tuple(row.questions), row.started_at, row.deadline,
                row.finished_at)  # fmt: skip
