"""Grading practice answers: normalised comparison, choice and blank checks, key points."""

from bot.domain.grading.answers import (
    Answer,
    BlankAnswers,
    ChoiceAnswer,
    TextAnswer,
    TruthAnswer,
    split_blanks,
)
from bot.domain.grading.grade import (
    DEFAULT_POINTS,
    ChoiceFeedback,
    Grade,
    GradingError,
    PointValues,
    grade,
    grade_fill_in,
    grade_multiple,
    grade_open,
    grade_single,
    grade_true_false,
)
from bot.domain.grading.key_points import Segment, coverage
from bot.domain.grading.normalise import normalise, same_answer

__all__ = [
    "DEFAULT_POINTS",
    "Answer",
    "BlankAnswers",
    "ChoiceAnswer",
    "ChoiceFeedback",
    "Grade",
    "GradingError",
    "PointValues",
    "Segment",
    "TextAnswer",
    "TruthAnswer",
    "coverage",
    "grade",
    "grade_fill_in",
    "grade_multiple",
    "grade_open",
    "grade_single",
    "grade_true_false",
    "normalise",
    "same_answer",
    "split_blanks",
]
