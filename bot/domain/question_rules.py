"""What makes a question well-formed for its type."""

from collections.abc import Iterator

from bot.domain.enums import QuestionType
from bot.domain.problems import N_
from bot.domain.questions import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    Question,
    option_letter,
    stem_blank_count,
)

MIN_DIFFICULTY = 1
MAX_DIFFICULTY = 5

# (column, message id, params)
QuestionProblem = tuple[str, str, dict[str, str | int]]


def question_problems(question: Question) -> Iterator[QuestionProblem]:
    if question.type.has_options:
        yield from _choice_problems(question)
    elif question.options:
        yield ("options", N_("a question of this type has no options"), {})
    if question.type is QuestionType.TRUE_FALSE and question.truth is None:
        yield ("answer", N_("no correct answer: write true or false"), {})
    if question.type is QuestionType.FILL_IN:
        yield from _fill_in_problems(question)
    if question.type.is_open and not question.key_points:
        yield ("key_points", N_("an open question needs key points to grade against"), {})
    if question.key_points and not question.type.is_open:
        yield ("key_points", N_("only short answers and essays have key points"), {})
    if any(point.weight <= 0 for point in question.key_points):
        yield ("key_points", N_("key point weights must be positive"), {})
    if question.difficulty is not None and not (
        MIN_DIFFICULTY <= question.difficulty <= MAX_DIFFICULTY
    ):
        yield (
            "difficulty",
            N_("difficulty must be between {low} and {high}"),
            {"low": MIN_DIFFICULTY, "high": MAX_DIFFICULTY},
        )


def _choice_problems(question: Question) -> Iterator[QuestionProblem]:
    count = len(question.options)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        yield (
            "options",
            N_("needs between {low} and {high} options, has {count}"),
            {"low": MIN_OPTIONS, "high": MAX_OPTIONS, "count": count},
        )
    for index, option in enumerate(question.options):
        if not option.strip():
            yield ("options", N_("option {letter} is empty"), {"letter": option_letter(index)})
    if not question.correct_options:
        yield ("answer", N_("no correct option"), {})
    for index in question.correct_options:
        if index >= count:
            yield (
                "answer",
                N_("answer {letter} is not among the options"),
                {"letter": option_letter(index)},
            )
    if question.type is QuestionType.SINGLE and len(question.correct_options) > 1:
        yield ("answer", N_("a single-choice question has exactly one correct option"), {})
    if question.type is QuestionType.MULTIPLE and len(question.correct_options) == 1:
        yield ("answer", N_("a multiple-choice question has at least two correct options"), {})


def _fill_in_problems(question: Question) -> Iterator[QuestionProblem]:
    if not question.blanks:
        yield ("answer", N_("no answer for the blanks"), {})
        return
    blanks_in_stem = stem_blank_count(question.stem)
    if blanks_in_stem and blanks_in_stem != len(question.blanks):
        yield (
            "answer",
            N_("the stem has {stem} blanks but {answers} answers are given"),
            {"stem": blanks_in_stem, "answers": len(question.blanks)},
        )
