"""Running-order draws. Never commits."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.draw import Draw
from storage.models import DrawRow


class SqlDrawRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self, round_code: str, commitment: str, seed: str, teams: list[str], now: datetime,
        person_id: int | None,
    ) -> Draw:  # fmt: skip
        row = DrawRow(
            round_code=round_code,
            commitment=commitment,
            seed=seed,
            teams=teams,
            order=None,
            committed_at=now,
            person_id=person_id,
        )
        self._session.add(row)
        await self._session.flush()
        return _draw(row)

    async def latest(self, round_code: str) -> Draw | None:
        row = await self._session.scalar(
            select(DrawRow)
            .where(DrawRow.round_code == round_code)
            .order_by(DrawRow.id.desc())
            .limit(1)
        )
        return _draw(row) if row else None

    async def reveal(self, draw_id: int, order: list[str], now: datetime) -> None:
        row = await self._session.get(DrawRow, draw_id)
        if row is not None:
            row.order, row.revealed_at = order, now


def _draw(row: DrawRow) -> Draw:
    return Draw(
        id=row.id,
        round_code=row.round_code,
        commitment=row.commitment,
        seed=row.seed,
        teams=tuple(row.teams),
        committed_at=row.committed_at,
        order=tuple(row.order) if row.order is not None else None,
        revealed_at=row.revealed_at,
    )
