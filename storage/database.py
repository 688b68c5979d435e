"""The long-lived database handle an application builds once and passes around."""

from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import Pool, create_engine, create_session_factory
from storage.handled_update_repository import update_record
from storage.migrate import at_head, upgrade
from storage.uow import SqlUnitOfWork


class Database:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = create_session_factory(engine)
        self._updates = update_record(engine)

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True, pool: Pool | None = None) -> "Database":
        """Connects, bringing the schema up to date first unless told not to."""
        engine = create_engine(url, pool)
        if migrate and not await at_head(engine):
            await upgrade(url)
        return cls(engine)

    def unit_of_work(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._sessions, self._updates)

    async def close(self) -> None:
        await self._updates.close()
        await self.engine.dispose()
