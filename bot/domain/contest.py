"""The contest as organizers describe it: venues, tracks, teams, people, rounds, slots.

Entities refer to each other by their natural keys (codes), which is what spreadsheets use.
`id` is the database identity when an entity was loaded from storage; it never takes part in
equality, so a contest exported and imported elsewhere compares equal.
"""

from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

from bot.domain.enums import Locale, Role, RoundKind
from bot.domain.questions import Question


@dataclass(frozen=True, slots=True)
class Contest:
    name: str
    timezone: str
    default_locale: Locale = Locale.ZH_HANS
    starts_on: date | None = None
    ends_on: date | None = None
    host: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Venue:
    code: str
    name: str
    name_en: str = ""
    address: str = ""
    directions: str = ""
    capacity: int | None = None
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Track:
    code: str
    name: str
    name_en: str = ""
    description: str = ""
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Team:
    code: str
    name: str
    track_code: str
    organisation: str = ""
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Person:
    code: str
    name: str
    role: Role
    team_code: str | None = None
    seat: int | None = None
    # None until the import assigns one (kept from the database or freshly generated).
    invite_code: str | None = None
    locale: Locale | None = None
    id: int | None = field(default=None, compare=False)
    # A judge's assignments: the tracks whose rounds and the single rounds they score. A judge
    # with neither scores every round (a contest with one panel needs to say nothing).
    judge_tracks: tuple[str, ...] = ()
    judge_rounds: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Round:
    code: str
    name: str
    kind: RoundKind
    track_code: str | None = None
    venue_code: str | None = None
    name_en: str = ""
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Slot:
    """One entry of the programme: a team's turn in a round, or a session for everyone."""

    round_code: str
    position: int
    starts_at: datetime
    duration: timedelta
    team_code: str | None = None
    venue_code: str | None = None
    title: str = ""
    title_en: str = ""
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None:
            raise ValueError("slot start must be timezone-aware")

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + self.duration

    @property
    def key(self) -> tuple[str, int]:
        return (self.round_code, self.position)

    def venue(self, round_: "Round") -> str | None:
        """Where the slot happens: its own venue, else its round's."""
        return self.venue_code or round_.venue_code


@dataclass(frozen=True, slots=True)
class ContestData:
    """Everything an organizer imports: one contest per database."""

    contest: Contest
    venues: tuple[Venue, ...] = ()
    tracks: tuple[Track, ...] = ()
    teams: tuple[Team, ...] = ()
    people: tuple[Person, ...] = ()
    rounds: tuple[Round, ...] = ()
    slots: tuple[Slot, ...] = ()
    questions: tuple[Question, ...] = ()


def plain_values(entity: Venue | Track) -> dict[str, Any]:
    """The fields of an entity that has no references, without its database identity."""
    return {f.name: getattr(entity, f.name) for f in fields(entity) if f.name != "id"}
