"""Arena events as the scorekeeper recorded them. Never commits."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.scoring.arena import (
    ArenaEvent,
    Buzz,
    BuzzOutcome,
    MandatoryAnswer,
    RiskOutcome,
    RiskPick,
)
from storage.models import ArenaEventRow

MANDATORY, RISK, BUZZ, CORRECT = "mandatory", "risk", "buzz", "correct"


class SqlArenaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self, round_code: str, team_code: str, kind: str, outcome: str, person_code: str | None,
        tier: int | None, at: datetime,
    ) -> int:  # fmt: skip
        row = ArenaEventRow(
            round_code=round_code, team_code=team_code, kind=kind, outcome=outcome,
            person_code=person_code, tier=tier, at=at, undone=False,
        )  # fmt: skip
        self._session.add(row)
        await self._session.flush()
        return row.id

    async def events(self, round_code: str) -> list[ArenaEvent]:
        """The round's events that stand (not undone), in the order recorded."""
        rows = await self._session.scalars(
            select(ArenaEventRow)
            .where(ArenaEventRow.round_code == round_code, ArenaEventRow.undone.is_(False))
            .order_by(ArenaEventRow.id)
        )
        return [_event(row) for row in rows]

    async def count(self, round_code: str) -> int:
        """The version of the round's board: one more with every event and every undo."""
        found: int | None = await self._session.scalar(
            select(func.count() + func.sum(case((ArenaEventRow.undone, 1), else_=0))).where(
                ArenaEventRow.round_code == round_code
            )
        )
        return found or 0

    async def undo_last(self, round_code: str) -> ArenaEvent | None:
        row = await self._session.scalar(
            select(ArenaEventRow)
            .where(ArenaEventRow.round_code == round_code, ArenaEventRow.undone.is_(False))
            .order_by(ArenaEventRow.id.desc())
            .limit(1)
        )
        if row is not None:
            await self._session.execute(
                update(ArenaEventRow).where(ArenaEventRow.id == row.id).values(undone=True)
            )
        return _event(row) if row is not None else None


def _event(row: ArenaEventRow) -> ArenaEvent:
    if row.kind == MANDATORY:
        return MandatoryAnswer(row.team_code, row.person_code or "", row.outcome == CORRECT)
    if row.kind == RISK:
        return RiskPick(row.team_code, Decimal(row.tier or 0), RiskOutcome(row.outcome))
    return Buzz(row.team_code, BuzzOutcome(row.outcome))
