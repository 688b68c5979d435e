"""Arena events as the scorekeeper recorded them. Never commits."""

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ArenaEventRow


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

    async def of_round(self, round_code: str) -> list[ArenaEventRow]:
        """Every event of the round, undone ones too, in the order recorded."""
        rows = await self._session.scalars(
            select(ArenaEventRow)
            .where(ArenaEventRow.round_code == round_code)
            .order_by(ArenaEventRow.id)
        )
        return list(rows)

    async def count(self, round_code: str) -> int:
        """How many events the round has had (undone included): the version of its board."""
        found: int | None = await self._session.scalar(
            select(func.count()).where(ArenaEventRow.round_code == round_code)
        )
        return found or 0

    async def undo_last(self, round_code: str) -> ArenaEventRow | None:
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
            row.undone = True
        return row
