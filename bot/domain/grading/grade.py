"""Grading one answer to one practice question.

Points per question come from `PointValues` (the default theory blueprint: single choice 1,
multiple choice 2, fill-in 1, true/false 1, short answer 5, essay 20).

- Single choice and true/false: full points or nothing.
- Multiple choice: all or nothing; the order in which options are chosen is irrelevant. A wrong
  answer says which correct options are missing and which chosen ones are extra (also as
  letters in `misses`; `hits` has the correct options chosen).
- Fill-in: each blank is compared with its accepted answers after `normalise`. Each blank is
  worth an equal share of the points (rounded half-up to 0.01); the answer is correct only when
  every blank is right.
- Short answer and essay: key-point coverage (see `key_points`). Points are the question's
  points × (sum of the weights of the points hit / sum of all weights), rounded half-up to a
  multiple of 0.5; an answer that misses a key point is capped at 0.5 below full points, so
  only an answer that makes every point is `correct`. The grade carries `caveat`: it is an
  estimate, human markers decide the real exam.

An answer of the wrong shape, an option that does not exist or a number of blanks that does
not match the question is refused with a `GradingError` carrying an untranslated message id.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bot.domain.enums import QuestionType
from bot.domain.grading.answers import Answer, BlankAnswers, ChoiceAnswer, TextAnswer, TruthAnswer
from bot.domain.grading.key_points import Segment, coverage
from bot.domain.grading.normalise import same_answer
from bot.domain.problems import N_
from bot.domain.questions import OPTION_LETTERS, Question, option_letter

ZERO = Decimal(0)
HALF = Decimal("0.5")
CENT = Decimal("0.01")


class GradingError(Exception):
    """An answer the question cannot be graded against; `message` is an untranslated id."""

    def __init__(self, message: str, **params: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True, slots=True)
class PointValues:
    single: Decimal = Decimal(1)
    multiple: Decimal = Decimal(2)
    fill_in: Decimal = Decimal(1)
    true_false: Decimal = Decimal(1)
    short_answer: Decimal = Decimal(5)
    essay: Decimal = Decimal(20)

    def of(self, kind: QuestionType) -> Decimal:
        return {
            QuestionType.SINGLE: self.single,
            QuestionType.MULTIPLE: self.multiple,
            QuestionType.FILL_IN: self.fill_in,
            QuestionType.TRUE_FALSE: self.true_false,
            QuestionType.SHORT_ANSWER: self.short_answer,
            QuestionType.ESSAY: self.essay,
        }[kind]


DEFAULT_POINTS = PointValues()


class Verdict(StrEnum):
    """Right: full points; partly right: some points; wrong: no points."""

    RIGHT = "right"
    PARTLY = "partly"
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class ChoiceFeedback:
    """Option indices: correct ones not chosen, and chosen ones that are not correct."""

    missing: tuple[int, ...] = ()
    extra: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Grade:
    points: Decimal
    max_points: Decimal
    # Key points made and missed, or option letters (misses: missing and extra ones).
    hits: tuple[str, ...] = ()
    misses: tuple[str, ...] = ()
    feedback: ChoiceFeedback | None = None
    # Fill-in: whether each blank is right, in order.
    blanks: tuple[bool, ...] = ()
    # An estimate: human markers decide the real exam (open answers).
    caveat: bool = False

    @property
    def correct(self) -> bool:
        """Full points."""
        return self.points == self.max_points and not self.misses

    @property
    def verdict(self) -> Verdict:
        if self.correct:
            return Verdict.RIGHT
        return Verdict.PARTLY if self.points > ZERO else Verdict.WRONG


def grade(
    question: Question, answer: Answer, segment: Segment, points: PointValues = DEFAULT_POINTS
) -> Grade:
    """Grades an answer of the shape the question's type takes, or raises `GradingError`."""
    kind = question.type
    if kind is QuestionType.SINGLE and isinstance(answer, ChoiceAnswer):
        return grade_single(question, answer, points)
    if kind is QuestionType.MULTIPLE and isinstance(answer, ChoiceAnswer):
        return grade_multiple(question, answer, points)
    if kind is QuestionType.TRUE_FALSE and isinstance(answer, TruthAnswer):
        return grade_true_false(question, answer, points)
    if kind is QuestionType.FILL_IN and isinstance(answer, BlankAnswers):
        return grade_fill_in(question, answer, points)
    if kind.is_open and isinstance(answer, TextAnswer):
        return grade_open(question, answer, segment, points)
    raise GradingError(N_("this kind of answer does not fit a {type} question"), type=kind.value)


def grade_single(
    question: Question, answer: ChoiceAnswer, points: PointValues = DEFAULT_POINTS
) -> Grade:
    _expect(question, QuestionType.SINGLE)
    if len(answer.indices) != 1:
        raise GradingError(N_("choose exactly one option"))
    return _grade_choice(question, answer, points.single)


def grade_multiple(
    question: Question, answer: ChoiceAnswer, points: PointValues = DEFAULT_POINTS
) -> Grade:
    _expect(question, QuestionType.MULTIPLE)
    return _grade_choice(question, answer, points.multiple)


def grade_true_false(
    question: Question, answer: TruthAnswer, points: PointValues = DEFAULT_POINTS
) -> Grade:
    _expect(question, QuestionType.TRUE_FALSE)
    if question.truth is None:
        raise GradingError(N_("this question has no answer key"))
    right = answer.value is question.truth
    return Grade(points.true_false if right else ZERO, points.true_false)


def grade_fill_in(
    question: Question, answer: BlankAnswers, points: PointValues = DEFAULT_POINTS
) -> Grade:
    _expect(question, QuestionType.FILL_IN)
    count = len(question.blanks)
    if not count:
        raise GradingError(N_("this question has no answer key"))
    if len(answer.texts) != count:
        message = N_("this question has {count} blanks but {given} answers were given")
        raise GradingError(message, count=count, given=len(answer.texts))
    right = tuple(
        same_answer(text, accepted)
        for text, accepted in zip(answer.texts, question.blanks, strict=True)
    )
    share = (points.fill_in * sum(right) / count).quantize(CENT, rounding=ROUND_HALF_UP)
    earned = points.fill_in if all(right) else min(share, points.fill_in)
    return Grade(earned, points.fill_in, blanks=right)


def grade_open(
    question: Question, answer: TextAnswer, segment: Segment, points: PointValues = DEFAULT_POINTS
) -> Grade:
    _expect(question, QuestionType.SHORT_ANSWER, QuestionType.ESSAY)
    if not question.key_points:
        raise GradingError(N_("this question has no answer key"))
    most = points.of(question.type)
    found = coverage(question.key_points, answer.text, segment)
    total = sum((_weight(p.weight) for p in question.key_points), ZERO)
    made = sum((_weight(p.weight) for p in found.hits), ZERO)
    earned = _to_half(most * made / total) if total > 0 else ZERO
    if found.misses:
        earned = max(min(earned, most - HALF), ZERO)
    return Grade(
        earned,
        most,
        hits=tuple(p.point for p in found.hits),
        misses=tuple(p.point for p in found.misses),
        caveat=True,
    )


def _grade_choice(question: Question, answer: ChoiceAnswer, most: Decimal) -> Grade:
    if not question.correct_options:
        raise GradingError(N_("this question has no answer key"))
    for index in sorted(answer.indices):
        if not 0 <= index < len(question.options):
            letter = option_letter(index) if 0 <= index < len(OPTION_LETTERS) else str(index + 1)
            raise GradingError(N_("there is no option {letter}"), letter=letter)
    correct = frozenset(question.correct_options)
    missing = tuple(sorted(correct - answer.indices))
    extra = tuple(sorted(answer.indices - correct))
    if not missing and not extra:
        return Grade(most, most, hits=tuple(option_letter(i) for i in sorted(correct)))
    return Grade(
        ZERO,
        most,
        hits=tuple(option_letter(i) for i in sorted(correct & answer.indices)),
        misses=tuple(option_letter(i) for i in sorted((*missing, *extra))),
        feedback=ChoiceFeedback(missing, extra),
    )


def _expect(question: Question, *kinds: QuestionType) -> None:
    if question.type not in kinds:
        raise ValueError(f"question {question.code} is {question.type}, not {kinds}")


def _weight(weight: float) -> Decimal:
    return Decimal(str(weight))


def _to_half(value: Decimal) -> Decimal:
    """Rounded half-up to a multiple of 0.5: 4.24 → 4, 4.25 → 4.5, 4.75 → 5."""
    return (value * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2
