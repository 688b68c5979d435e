"""Which practice question comes next, from what a person last answered to each question.

First those never answered, then those last answered wrong (each picked at random), then the
rest, the one answered longest ago first.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from bot.domain.questions import Question

Item = TypeVar("Item")


class Picker(Protocol):
    """Picks one of several (`random.Random` is one): chance comes from outside the domain."""

    def choice(self, seq: Sequence[Item]) -> Item: ...


@dataclass(frozen=True, slots=True)
class LastAnswer:
    """A person's latest answer to one question."""

    correct: bool
    at: datetime


def choose(
    candidates: Sequence[Question], latest: Mapping[str, LastAnswer], rng: Picker
) -> Question | None:
    if not candidates:
        return None
    unseen = [q for q in candidates if q.code not in latest]
    missed = [q for q in candidates if q.code in latest and not latest[q.code].correct]
    if unseen or missed:
        return rng.choice(unseen or missed)
    return min(candidates, key=lambda q: latest[q.code].at)


def notebook(latest: Mapping[str, LastAnswer]) -> list[str]:
    """The wrong-answer notebook: the codes whose latest answer was wrong, in `latest`'s order."""
    return [code for code, last in latest.items() if not last.correct]
