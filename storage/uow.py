"""One transaction per unit of work: commit is explicit, anything else rolls back.

The session is only created when a repository is first used, so an update answered from the
caches costs no database work at all.
"""

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.account_repository import SqlAccountRepository
from storage.broadcast_repository import SqlBroadcastRepository
from storage.contest_repository import SqlContestRepository
from storage.outbox_repository import SqlOutboxRepository


class SqlUnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._contest: SqlContestRepository | None = None
        self._accounts: SqlAccountRepository | None = None
        self._outbox: SqlOutboxRepository | None = None
        self._broadcasts: SqlBroadcastRepository | None = None

    @property
    def contest(self) -> SqlContestRepository:
        if self._contest is None:
            self._contest = SqlContestRepository(self._open())
        return self._contest

    @property
    def accounts(self) -> SqlAccountRepository:
        if self._accounts is None:
            self._accounts = SqlAccountRepository(self._open())
        return self._accounts

    @property
    def outbox(self) -> SqlOutboxRepository:
        if self._outbox is None:
            self._outbox = SqlOutboxRepository(self._open())
        return self._outbox

    @property
    def broadcasts(self) -> SqlBroadcastRepository:
        if self._broadcasts is None:
            self._broadcasts = SqlBroadcastRepository(self._open())
        return self._broadcasts

    def _open(self) -> AsyncSession:
        if self._session is None:
            self._session = self._sessions()
        return self._session

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        self._contest = self._accounts = self._outbox = self._broadcasts = None
        if session is None:
            return
        try:
            await session.rollback()
        finally:
            await session.close()

    async def commit(self) -> None:
        if self._session is not None:
            await self._session.commit()

    async def rollback(self) -> None:
        if self._session is not None:
            await self._session.rollback()
