"""A question is well-formed for its type: the rule table, case by case."""

import pytest

from bot.domain.enums import QuestionType as T
from bot.domain.question_rules import question_problems
from bot.domain.questions import KeyPoint, Question

OPTIONS = ("甲", "乙", "丙", "丁")
POINT = (KeyPoint("一次性告知"),)


def problems(**fields: object) -> list[tuple[str, str]]:
    question = Question(code="Q1", stem="题干", **fields)  # type: ignore[arg-type]
    return [(column, message) for column, message, _ in question_problems(question)]


@pytest.mark.parametrize(
    "fields",
    [
        {"type": T.SINGLE, "options": OPTIONS, "correct_options": (2,)},
        {"type": T.MULTIPLE, "options": OPTIONS, "correct_options": (0, 2)},
        {"type": T.TRUE_FALSE, "truth": False},
        {"type": T.FILL_IN, "blanks": (("当场办结",),)},
        {"type": T.SHORT_ANSWER, "key_points": POINT, "difficulty": 5},
        {"type": T.ESSAY, "key_points": POINT, "difficulty": 1},
    ],
    ids=lambda fields: str(fields["type"]),
)
def test_a_well_formed_question_of_each_type_passes(fields: dict[str, object]) -> None:
    assert problems(**fields) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"type": T.SINGLE, "options": OPTIONS}, ("answer", "no correct option")),
        (
            {"type": T.SINGLE, "options": OPTIONS, "correct_options": (5,)},
            ("answer", "answer {letter} is not among the options"),
        ),
        (
            {"type": T.SINGLE, "options": OPTIONS, "correct_options": (0, 1)},
            ("answer", "a single-choice question has exactly one correct option"),
        ),
        (
            {"type": T.MULTIPLE, "options": OPTIONS, "correct_options": (1,)},
            ("answer", "a multiple-choice question has at least two correct options"),
        ),
        (
            {"type": T.SINGLE, "options": ("甲",), "correct_options": (0,)},
            ("options", "needs between {low} and {high} options, has {count}"),
        ),
        (
            {"type": T.TRUE_FALSE, "truth": True, "options": OPTIONS},
            ("options", "a question of this type has no options"),
        ),
        ({"type": T.TRUE_FALSE}, ("answer", "no correct answer: write true or false")),
        ({"type": T.FILL_IN}, ("answer", "no answer for the blanks")),
        (
            {"type": T.SHORT_ANSWER},
            ("key_points", "an open question needs key points to grade against"),
        ),
        (
            {"type": T.TRUE_FALSE, "truth": True, "key_points": POINT},
            ("key_points", "only short answers and essays have key points"),
        ),
        (
            {"type": T.ESSAY, "key_points": (KeyPoint("要点", weight=0),)},
            ("key_points", "key point weights must be positive"),
        ),
        (
            {"type": T.TRUE_FALSE, "truth": True, "difficulty": 6},
            ("difficulty", "difficulty must be between {low} and {high}"),
        ),
    ],
)
def test_a_malformed_question_is_reported_at_its_column(
    fields: dict[str, object], expected: tuple[str, str]
) -> None:
    assert problems(**fields) == [expected]


def test_blanks_in_the_stem_must_match_the_answers() -> None:
    question = Question("Q1", T.FILL_IN, "____、____和限时办结", blanks=(("当场办结",),))
    assert [(c, m) for c, m, _ in question_problems(question)] == [
        ("answer", "the stem has {stem} blanks but {answers} answers are given")
    ]


def test_a_stem_without_blank_marks_takes_any_number_of_answers() -> None:
    question = Question("Q1", T.FILL_IN, "请写出三种办结方式", blanks=(("a",), ("b",), ("c",)))
    assert list(question_problems(question)) == []
