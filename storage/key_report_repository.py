"""Reports of wrong answer keys. Never commits."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.key_reports import KeyReport
from storage.models import KeyReportRow


class SqlKeyReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def report(self, person_id: int, question_code: str, reason: str, now: datetime) -> None:
        """One open report per person and question: reporting again replaces the reason."""
        row = await self._session.scalar(
            select(KeyReportRow).where(
                KeyReportRow.person_id == person_id, KeyReportRow.question_code == question_code
            )
        )
        if row is None:
            row = KeyReportRow(person_id=person_id, question_code=question_code)
            self._session.add(row)
        row.reason, row.created_at, row.resolved_at = reason, now, None
        await self._session.flush()

    async def open(self) -> list[KeyReport]:
        rows = await self._session.scalars(
            select(KeyReportRow)
            .where(KeyReportRow.resolved_at.is_(None))
            .order_by(KeyReportRow.created_at, KeyReportRow.id)
        )
        return [
            KeyReport(row.id, row.question_code, row.person_id, row.reason, row.created_at)
            for row in rows
        ]

    async def resolve(self, report_id: int, now: datetime) -> bool:
        row = await self._session.get(KeyReportRow, report_id)
        if row is None or row.resolved_at is not None:
            return False
        row.resolved_at = now
        await self._session.flush()
        return True
