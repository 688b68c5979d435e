"""A contest as read from a file, before validation: every entity remembers its row."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from bot.domain.contest import Contest, ContestData, Person, Round, Slot, Team, Track, Venue
from bot.domain.problems import Sheet
from bot.domain.questions import Question

T_co = TypeVar("T_co", covariant=True)


class Coded(Protocol):
    @property
    def code(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Located(Generic[T_co]):
    item: T_co
    row: int


@dataclass(slots=True)
class ContestDraft:
    contest: Contest | None = None
    venues: list[Located[Venue]] = field(default_factory=list)
    tracks: list[Located[Track]] = field(default_factory=list)
    teams: list[Located[Team]] = field(default_factory=list)
    people: list[Located[Person]] = field(default_factory=list)
    rounds: list[Located[Round]] = field(default_factory=list)
    slots: list[Located[Slot]] = field(default_factory=list)
    questions: list[Located[Question]] = field(default_factory=list)
    # Codes of rows that exist but could not be read: references to them are not reported
    # again as "does not exist", the row's own error already says what is wrong.
    unreadable: dict[Sheet, set[str]] = field(default_factory=dict)
    # Sheets absent from the file (already reported): nothing is said about references to them.
    missing_sheets: set[Sheet] = field(default_factory=set)

    def known_codes(self, sheet: Sheet, located: Sequence[Located[Coded]]) -> set[str]:
        return {entry.item.code for entry in located} | self.unreadable.get(sheet, set())

    def to_data(self) -> ContestData:
        if self.contest is None:
            raise ValueError("a draft without a contest cannot become contest data")
        return ContestData(
            contest=self.contest,
            venues=tuple(e.item for e in self.venues),
            tracks=tuple(e.item for e in self.tracks),
            teams=tuple(e.item for e in self.teams),
            people=tuple(e.item for e in self.people),
            rounds=tuple(e.item for e in self.rounds),
            slots=tuple(e.item for e in self.slots),
            questions=tuple(e.item for e in self.questions),
        )
