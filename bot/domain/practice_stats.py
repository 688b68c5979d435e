"""A person's practice so far, in numbers."""

from dataclasses import dataclass

from bot.domain.enums import QuestionType


@dataclass(frozen=True, slots=True)
class Stats:
    answered: int
    right: int
    by_type: dict[QuestionType, tuple[int, int]]  # (right, answered)
    by_topic: dict[str, tuple[int, int]]
    streak: int  # consecutive days with practice, ending today or yesterday
