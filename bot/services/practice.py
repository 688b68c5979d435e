"""Practice: the next question for a person, and their answers graded and kept.

A question comes from the person's track (or from no track), of the kind they asked for:
first those never answered, then those they got wrong, then the rest, the oldest first (see
bot/domain/practice_choice.py); only each question's latest answer is read for that.
"""

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.domain.contest import Person
from bot.domain.enums import QuestionType
from bot.domain.grading.answers import Answer
from bot.domain.grading.grade import Grade, grade
from bot.domain.practice_choice import choose, notebook
from bot.domain.practice_plan import DailySet
from bot.domain.practice_stats import Stats
from bot.domain.questions import Question
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import ReviewScheduler, Segmenter, UnitOfWork
from bot.services.reviews import due_questions, rate


@dataclass(frozen=True, slots=True)
class Graded:
    grade: Grade
    counted: bool  # False for a repeated answer to the same attempt (a double tap)


def bank(
    snapshot: ContestSnapshot,
    person: Person,
    kind: QuestionType | None,
    topic: str | None = None,
) -> list[Question]:
    team = snapshot.teams.get(person.team_code or "")
    track = team.track_code if team else None
    return [
        q for q in snapshot.data.questions
        if (kind is None or q.type is kind) and q.track_code in (None, track)
        and (topic is None or topic in q.topics)
    ]  # fmt: skip


def topics(snapshot: ContestSnapshot, person: Person) -> list[str]:
    """The topics of the person's bank, in a stable order (buttons name them by position)."""
    return sorted({topic for q in bank(snapshot, person, None) for topic in q.topics})


async def next_question(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    kind: QuestionType | None,
    rng: random.Random,
    topic: str | None = None,
    exclude: Collection[str] = (),
) -> Question | None:
    candidates = [q for q in bank(snapshot, person, kind, topic) if q.code not in exclude]
    if not candidates or person.id is None:
        return None
    return choose(candidates, await uow.practice.latest(person.id), rng)


async def answer(
    uow: UnitOfWork,
    person: Person,
    question: Question,
    attempt: str,
    given: Answer,
    now: datetime,
    segmenter: Segmenter,
    scheduler: ReviewScheduler,
    seconds: float | None = None,
) -> Graded:
    """Grades and keeps the answer; a counted answer also reschedules the question's review."""
    result = grade(question, given, segmenter.segment)
    if person.id is None:
        raise ValueError(f"{person.code} is not stored: their answer cannot be kept")
    counted, card = await uow.practice.record_reviewed(
        person.id, question.code, attempt, result.correct, result.points, now
    )
    if counted:
        await rate(uow, scheduler, person.id, question.code, card, result, now, seconds)
    return Graded(result, counted)


async def review_question(
    uow: UnitOfWork, snapshot: ContestSnapshot, person: Person, now: datetime
) -> Question | None:
    """The first question spaced repetition says is due now."""
    return await pick(uow, snapshot, person, await due_questions(uow, person.id or 0, now))


async def notebook_question(
    uow: UnitOfWork, snapshot: ContestSnapshot, person: Person
) -> Question | None:
    """The first question of the wrong-answer notebook."""
    return await pick(uow, snapshot, person, await mistakes(uow, person))


async def daily_set_question(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    under_way: DailySet | None,
    now: datetime,
    rng: random.Random,
) -> tuple[DailySet, Question | None]:
    """The set under way, or a new one of the chosen size (also when the dialogue was lost in a
    restart); and its next question, none when the set is done."""
    daily = under_way or DailySet.started((await uow.preferences.get(person.id or 0)).daily_count)
    if daily.left <= 0:
        return daily, None
    return daily, await daily_question(uow, snapshot, person, now, rng, daily.asked)


async def daily_question(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    now: datetime,
    rng: random.Random,
    asked: Collection[str] = (),
) -> Question | None:
    """The next question of a daily set: one due for review, else one from the notebook, else
    the next new one; never one the set has `asked` already (its answer was just shown)."""
    for found in (await due_questions(uow, person.id or 0, now), await mistakes(uow, person)):
        codes = [code for code in found if code not in asked]
        if (question := await pick(uow, snapshot, person, codes)) is not None:
            return question
    return await next_question(uow, snapshot, person, None, rng, exclude=asked)


async def mistakes(uow: UnitOfWork, person: Person) -> list[str]:
    """The wrong-answer notebook: questions whose latest answer was wrong. Answering one right
    takes it out."""
    return notebook(await uow.practice.latest(person.id or 0))


async def pick(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    codes: Sequence[str],
) -> Question | None:
    """The first of `codes` that is still in the person's bank."""
    available = {q.code: q for q in bank(snapshot, person, None)}
    return next((available[code] for code in codes if code in available), None)


async def stats(uow: UnitOfWork, snapshot: ContestSnapshot, person: Person, now: datetime) -> Stats:
    questions = snapshot.questions
    by_type: dict[QuestionType, tuple[int, int]] = {}
    by_topic: dict[str, tuple[int, int]] = {}
    days = set()
    history = await uow.practice.history(person.id or 0)
    for code, correct, _points, at in history:
        days.add(at.astimezone(snapshot.zone).date())
        question = questions.get(code)
        if question is None:
            continue
        right, total = by_type.get(question.type, (0, 0))
        by_type[question.type] = (right + correct, total + 1)
        for topic in question.topics:
            right, total = by_topic.get(topic, (0, 0))
            by_topic[topic] = (right + correct, total + 1)
    return Stats(len(history), sum(1 for h in history if h[1]), by_type, by_topic,
                 _streak(days, now.astimezone(snapshot.zone).date()))  # fmt: skip


def _streak(days: set[date], today: date) -> int:
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak, day = streak + 1, day - timedelta(days=1)
    return streak
