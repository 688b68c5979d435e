"""Practice and exam questions of the six types of the theory paper."""

import re
from dataclasses import dataclass, field

from bot.domain.enums import QuestionType

BLANK_MARK = re.compile(r"_{4,}")
OPTION_LETTERS = "ABCDEFGH"
MIN_OPTIONS = 2
MAX_OPTIONS = len(OPTION_LETTERS)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A point an open answer should make; synonyms are accepted phrasings of it."""

    point: str
    weight: float = 1.0
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    code: str
    type: QuestionType
    stem: str
    track_code: str | None = None
    options: tuple[str, ...] = ()
    # Indices into `options` for single and multiple choice.
    correct_options: tuple[int, ...] = ()
    truth: bool | None = None
    # One tuple of accepted answers per blank, the first being the canonical one.
    blanks: tuple[tuple[str, ...], ...] = ()
    reference_answer: str = ""
    key_points: tuple[KeyPoint, ...] = ()
    explanation: str = ""
    source: str = ""
    topics: tuple[str, ...] = ()
    difficulty: int | None = None
    id: int | None = field(default=None, compare=False)


def option_letter(index: int) -> str:
    return OPTION_LETTERS[index]


def stem_blank_count(stem: str) -> int:
    return len(BLANK_MARK.findall(stem))
