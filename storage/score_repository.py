"""Scores as entered: judges' showcase scores and theory papers, in hundredths. Never commits."""

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.inserts import insert_new
from storage.models import ShowcaseScoreRow, TheoryScoreRow

CENT = Decimal("0.01")


def to_hundredths(score: Decimal) -> int:
    return int((score / CENT).to_integral_value())


def from_hundredths(hundredths: int) -> Decimal:
    return (Decimal(hundredths) * CENT).quantize(CENT)


class SqlScoreRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def showcase(self, round_code: str) -> dict[str, dict[str, Decimal]]:
        """Team code → judge code → score."""
        rows = await self._session.scalars(
            select(ShowcaseScoreRow).where(ShowcaseScoreRow.round_code == round_code)
        )
        found: dict[str, dict[str, Decimal]] = {}
        for row in rows:
            found.setdefault(row.team_code, {})[row.judge_code] = from_hundredths(row.hundredths)
        return found

    async def showcase_rounds(self) -> list[str]:
        rows = await self._session.scalars(select(ShowcaseScoreRow.round_code).distinct())
        return list(rows)

    async def set_showcase(
        self, round_code: str, team_code: str, judge_code: str, score: Decimal, now: datetime
    ) -> Decimal | None:
        """Stores the judge's score; returns the one it replaced, if any."""
        row = await self._session.scalar(
            select(ShowcaseScoreRow).where(
                ShowcaseScoreRow.round_code == round_code,
                ShowcaseScoreRow.team_code == team_code,
                ShowcaseScoreRow.judge_code == judge_code,
            )
        )
        if row is None:
            statement = insert_new(
                self._session, ShowcaseScoreRow, "round_code", "team_code", "judge_code"
            )
            values = {"round_code": round_code, "team_code": team_code, "judge_code": judge_code,
                      "hundredths": to_hundredths(score), "updated_at": now}  # fmt: skip
            await self._session.execute(statement, [values])
            return None
        before = from_hundredths(row.hundredths)
        row.hundredths, row.updated_at = to_hundredths(score), now
        await self._session.flush()
        return before

    async def theory(self) -> dict[str, tuple[Decimal, Decimal | None]]:
        """Person code → (paper score, essay score)."""
        rows = await self._session.scalars(select(TheoryScoreRow))
        return {
            row.person_code: (
                from_hundredths(row.hundredths),
                from_hundredths(row.essay_hundredths) if row.essay_hundredths is not None else None,
            )
            for row in rows
        }

    async def set_theory(
        self, scores: Mapping[str, tuple[Decimal, Decimal | None]], now: datetime
    ) -> dict[str, tuple[Decimal, Decimal | None] | None]:
        """Stores the papers; returns, per person, what each replaced (None when new)."""
        existing = {
            row.person_code: row for row in await self._session.scalars(select(TheoryScoreRow))
        }
        before: dict[str, tuple[Decimal, Decimal | None] | None] = {}
        for code, (paper, essay) in scores.items():
            row = existing.get(code)
            if row is None:
                row = TheoryScoreRow(person_code=code)
                self._session.add(row)
                before[code] = None
            else:
                old_essay = row.essay_hundredths
                before[code] = (
                    from_hundredths(row.hundredths),
                    from_hundredths(old_essay) if old_essay is not None else None,
                )
            row.hundredths = to_hundredths(paper)
            row.essay_hundredths = to_hundredths(essay) if essay is not None else None
            row.updated_at = now
        await self._session.flush()
        return before
