"""Where each round's results stand: published (which version), withdrawn, asked to be
published by one organizer and awaiting a second, or still a draft."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from bot.services.ports import UnitOfWork

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class PublicationStatus:
    published: Mapping[str, int]  # round → the version out now (a withdrawn one is not)
    versions: Mapping[str, int]  # round → the latest version ever published
    asked: Mapping[str, tuple[int, str]]  # round → (version, organizer) awaiting confirmation

    def version(self, round_code: str) -> int:
        return self.published.get(round_code, 0)


async def publication_status(uow: UnitOfWork) -> PublicationStatus:
    return PublicationStatus(
        await uow.publications.published(),
        await uow.publications.versions(),
        await uow.publications.requests(),
    )


async def published_version(uow: UnitOfWork, round_code: str) -> int | None:
    """The round's version out now; None when none is (never published, or withdrawn)."""
    return (await uow.publications.published()).get(round_code)
