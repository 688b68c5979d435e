"""Mock exams: the paper's blueprint, and the report once it is over.

The default blueprint is the real paper's (DESIGN.md): 30 single choice, 10 multiple choice,
10 fill-in, 10 true/false, 2 short answers and 1 essay in 90 minutes, with a reminder when 10
minutes are left. Answers given after the deadline do not count.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from bot.domain.enums import QuestionType
from bot.domain.questions import Question

DEFAULT_COUNTS = (
    (QuestionType.SINGLE, 30),
    (QuestionType.MULTIPLE, 10),
    (QuestionType.FILL_IN, 10),
    (QuestionType.TRUE_FALSE, 10),
    (QuestionType.SHORT_ANSWER, 2),
    (QuestionType.ESSAY, 1),
)


@dataclass(frozen=True, slots=True)
class Blueprint:
    counts: tuple[tuple[QuestionType, int], ...] = DEFAULT_COUNTS
    duration: timedelta = timedelta(minutes=90)
    reminder_before: timedelta = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Exam:
    id: int
    person_id: int
    questions: tuple[str, ...]  # question codes, in the order asked
    started_at: datetime
    deadline: datetime
    finished_at: datetime | None = None

    def over(self, now: datetime) -> bool:
        return self.finished_at is not None or now >= self.deadline

    def time_left(self, now: datetime) -> timedelta:
        """From the stored deadline; never negative, and never more than the whole paper's
        time, even when the clock jumped back before the start."""
        return max(timedelta(0), min(self.deadline - now, self.deadline - self.started_at))

    def ended_at(self, now: datetime) -> datetime:
        """When an exam handed in (or found over) at `now` ended: at the deadline at the latest,
        and never before it started."""
        return max(self.started_at, min(now, self.deadline))


@dataclass(frozen=True, slots=True)
class Scored:
    points: Decimal
    max_points: Decimal
    correct: bool


@dataclass(frozen=True, slots=True)
class ExamReport:
    points: Decimal
    max_points: Decimal
    answered: int
    asked: int
    used: timedelta
    by_type: Mapping[QuestionType, tuple[Decimal, Decimal]] = field(default_factory=dict)
    by_topic: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    wrong: tuple[str, ...] = ()  # codes of the questions not fully right, in the order asked


def report(
    exam: Exam,
    questions: Mapping[str, Question],
    answers: Mapping[str, Scored],
    max_points: Mapping[QuestionType, Decimal],
    ended: datetime,
) -> ExamReport:
    """Every question counts towards the maximum; an unanswered one scores nothing."""
    by_type: dict[QuestionType, tuple[Decimal, Decimal]] = {}
    by_topic: dict[str, tuple[Decimal, Decimal]] = {}
    wrong = []
    for code in exam.questions:
        question = questions[code]
        most = max_points[question.type]
        got = answers[code].points if code in answers else Decimal(0)
        _add(by_type, question.type, got, most)
        for topic in question.topics or ("—",):
            _add(by_topic, topic, got, most)
        if code not in answers or not answers[code].correct:
            wrong.append(code)
    total = sum((p for p, _ in by_type.values()), Decimal(0))
    most_total = sum((m for _, m in by_type.values()), Decimal(0))
    used = exam.ended_at(ended) - exam.started_at
    return ExamReport(total, most_total, len(answers), len(exam.questions), used, by_type,
                      by_topic, tuple(wrong))  # fmt: skip


def next_unanswered(exam: Exam, answered: Sequence[str]) -> str | None:
    done = set(answered)
    return next((code for code in exam.questions if code not in done), None)


Key = TypeVar("Key")


def _add(table: dict[Key, tuple[Decimal, Decimal]], key: Key, got: Decimal, most: Decimal) -> None:
    points, maximum = table.get(key, (Decimal(0), Decimal(0)))
    table[key] = (points + got, maximum + most)
