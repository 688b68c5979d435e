"""Practice: the next question for a person, and their answers graded and kept.

A question comes from the person's track (or from no track), of the kind they asked for:
first those never answered, then those they got wrong, then the rest, the oldest first.
"""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.contest import Person
from bot.domain.enums import QuestionType
from bot.domain.grading.answers import Answer
from bot.domain.grading.grade import Grade, grade
from bot.domain.questions import Question
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork

Segment = Callable[[str], Sequence[str]]


@dataclass(frozen=True, slots=True)
class Graded:
    grade: Grade
    counted: bool  # False for a repeated answer to the same attempt (a double tap)


def bank(snapshot: ContestSnapshot, person: Person, kind: QuestionType | None) -> list[Question]:
    team = snapshot.teams.get(person.team_code or "")
    track = team.track_code if team else None
    return [
        q for q in snapshot.data.questions
        if (kind is None or q.type is kind) and q.track_code in (None, track)
    ]  # fmt: skip


async def next_question(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    kind: QuestionType | None,
    rng: random.Random,
) -> Question | None:
    candidates = bank(snapshot, person, kind)
    if not candidates or person.id is None:
        return None
    last: dict[str, tuple[bool, datetime]] = {}
    for code, correct, _points, at in await uow.practice.history(person.id):
        last[code] = (correct, at)
    unseen = [q for q in candidates if q.code not in last]
    missed = [q for q in candidates if q.code in last and not last[q.code][0]]
    if unseen or missed:
        return rng.choice(unseen or missed)
    return min(candidates, key=lambda q: last[q.code][1])


async def answer(
    uow: UnitOfWork,
    person: Person,
    question: Question,
    attempt: str,
    given: Answer,
    now: datetime,
    segment: Segment,
) -> Graded:
    result = grade(question, given, segment)
    assert person.id is not None
    counted = await uow.practice.record(
        person.id, question.code, attempt, result.correct, result.points, now
    )
    return Graded(result, counted)
