"""The opt-in practice leaderboard of a track: who answered the most questions right this week.

Ties share a place (1, 2, 2, 4); among equals the better accuracy goes first, then the name,
so the order never depends on the database's.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Tally:
    person_id: int
    name: str
    team: str
    right: int
    answered: int

    @property
    def accuracy(self) -> Fraction:
        return Fraction(self.right, self.answered) if self.answered else Fraction(0)


@dataclass(frozen=True, slots=True)
class Place:
    rank: int
    tally: Tally


def ranked(tallies: Iterable[Tally]) -> list[Place]:
    """Those who answered anything, best first; equal right answers share a rank."""
    ordered = sorted(
        (t for t in tallies if t.answered),
        key=lambda t: (-t.right, -t.accuracy, t.name, t.person_id),
    )
    places: list[Place] = []
    for index, tally in enumerate(ordered):
        shares = places and places[-1].tally.right == tally.right
        places.append(Place(places[-1].rank if shares else index + 1, tally))
    return places


def week_start(now: datetime, zone: ZoneInfo) -> datetime:
    """Monday 00:00 of the current week, contest time."""
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday, time(), zone)
