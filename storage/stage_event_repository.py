"""The stage events of each round, in the order they were recorded. Never commits."""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.live import EventKind, StageEvent
from storage.models import StageEventRow


class SqlStageEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, round_code: str, event: StageEvent, person_id: int | None) -> None:
        self._session.add(
            StageEventRow(
                round_code=round_code,
                kind=event.kind.value,
                position=event.position,
                minutes=event.minutes,
                at=event.at,
                person_id=person_id,
            )
        )
        await self._session.flush()

    async def of_round(self, round_code: str) -> list[StageEvent]:
        return (await self._by_round(round_code)).get(round_code, [])

    async def by_round(self) -> dict[str, list[StageEvent]]:
        return await self._by_round(None)

    async def _by_round(self, round_code: str | None) -> dict[str, list[StageEvent]]:
        query = select(StageEventRow).order_by(StageEventRow.id)
        if round_code is not None:
            query = query.where(StageEventRow.round_code == round_code)
        found: dict[str, list[StageEvent]] = defaultdict(list)
        for row in await self._session.scalars(query):
            event = StageEvent(EventKind(row.kind), row.at, row.position, row.minutes)
            found[row.round_code].append(event)
        return dict(found)
