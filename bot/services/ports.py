"""The small interfaces use cases need; storage/ and the edges implement them."""

from collections.abc import Mapping
from types import TracebackType
from typing import Protocol, Self

from bot.domain.changes import Changes
from bot.domain.contest import Contest, ContestData
from bot.domain.problems import Sheet


class ContestRepository(Protocol):
    async def load_contest(self) -> Contest | None:
        """Just the contest's own fields, or None when nothing was imported yet."""

    async def load(self) -> ContestData | None:
        """The whole contest, or None when nothing was imported yet."""

    async def invite_codes(self) -> Mapping[str, str]:
        """Invite code of each person, by person code."""

    async def replace(self, data: ContestData) -> Mapping[Sheet, Changes]:
        """Makes storage hold exactly `data`, matching rows by natural key."""


class UnitOfWork(Protocol):
    @property
    def contest(self) -> ContestRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class InviteCodeGenerator(Protocol):
    def __call__(self) -> str: ...
