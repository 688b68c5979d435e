"""Single choice, multiple choice, true/false and fill-in answers."""

from decimal import Decimal

import pytest

from bot.domain.grading.answers import BlankAnswers, ChoiceAnswer, TruthAnswer
from bot.domain.grading.grade import (
    ChoiceFeedback,
    GradingError,
    PointValues,
    grade_fill_in,
    grade_multiple,
    grade_single,
    grade_true_false,
)
from tests.domain.grading.builders import fill_in, multiple, single, true_false


def test_the_right_option_scores_one_point() -> None:
    result = grade_single(single(correct=1), ChoiceAnswer.of(1))
    assert (result.correct, result.points, result.max_points) == (True, Decimal(1), Decimal(1))


def test_a_wrong_option_scores_nothing_and_names_the_right_one() -> None:
    result = grade_single(single(correct=1), ChoiceAnswer.of(3))
    assert (result.correct, result.points) == (False, Decimal(0))
    assert result.feedback == ChoiceFeedback(missing=(1,), extra=(3,))


def test_a_single_choice_answer_takes_exactly_one_option() -> None:
    with pytest.raises(GradingError) as refused:
        grade_single(single(), ChoiceAnswer.of(0, 1))
    assert refused.value.message == "choose exactly one option"


def test_an_option_that_does_not_exist_is_refused() -> None:
    with pytest.raises(GradingError) as refused:
        grade_single(single(), ChoiceAnswer.of(5))
    assert refused.value.params == {"letter": "F"}


@pytest.mark.parametrize("chosen", [(0, 2, 3), (3, 2, 0), (2, 0, 3)])
def test_multiple_choice_ignores_the_order_of_the_options(chosen: tuple[int, ...]) -> None:
    result = grade_multiple(multiple(0, 2, 3), ChoiceAnswer.of(*chosen))
    assert (result.correct, result.points, result.max_points) == (True, Decimal(2), Decimal(2))


@pytest.mark.parametrize(
    ("chosen", "missing", "extra", "misses"),
    [
        ((0, 2), (3,), (), ("D",)),
        ((0, 1, 2, 3), (), (1,), ("B",)),
        ((0, 1, 4), (2, 3), (1, 4), ("B", "C", "D", "E")),
        ((), (0, 2, 3), (), ("A", "C", "D")),
    ],
)
def test_partial_multiple_choice_scores_nothing_and_says_what_is_missing_and_extra(
    chosen: tuple[int, ...], missing: tuple[int, ...], extra: tuple[int, ...], misses: tuple[str]
) -> None:
    result = grade_multiple(multiple(0, 2, 3), ChoiceAnswer.of(*chosen))
    assert (result.correct, result.points) == (False, Decimal(0))
    assert result.feedback == ChoiceFeedback(missing, extra)
    assert result.misses == misses


def test_partial_multiple_choice_lists_the_correct_options_chosen_as_hits() -> None:
    assert grade_multiple(multiple(0, 2, 3), ChoiceAnswer.of(0, 1)).hits == ("A",)


@pytest.mark.parametrize(
    ("truth", "given", "points"),
    [(True, True, 1), (True, False, 0), (False, False, 1), (False, True, 0)],
)
def test_true_false_scores_the_matching_value(truth: bool, given: bool, points: int) -> None:
    assert grade_true_false(true_false(truth), TruthAnswer(given)).points == points


@pytest.mark.parametrize(
    "texts",
    [
        ("722", "2020年1月1日"),
        ("七百二十二", "2020-01-01"),
        ("７２２", "2020.1.1。"),
        (" 722 ", "2020年1月1号"),
    ],
)
def test_each_blank_accepts_any_of_its_alternatives(texts: tuple[str, str]) -> None:
    dates = ("2020年1月1日", "2020年1月1号", "2020-01-01", "2020.1.1")
    question = fill_in(("722", "七百二十二"), dates)
    assert grade_fill_in(question, BlankAnswers(texts)).correct


def test_a_wrong_blank_costs_its_share_and_the_answer_is_not_correct() -> None:
    result = grade_fill_in(fill_in(("常态",), ("例外",)), BlankAnswers(("常态", "特例")))
    assert (result.correct, result.points, result.blanks) == (False, Decimal("0.5"), (True, False))


def test_blank_shares_are_rounded_to_a_hundredth() -> None:
    question = fill_in(("15",), ("3",), ("24",))
    assert grade_fill_in(question, BlankAnswers(("十五", "三", "25"))).points == Decimal("0.67")


def test_an_empty_fill_in_answer_scores_nothing() -> None:
    result = grade_fill_in(fill_in(("常态",), ("例外",)), BlankAnswers(("", "")))
    assert result.points == 0


def test_a_fill_in_answer_needs_one_text_per_blank() -> None:
    with pytest.raises(GradingError) as refused:
        grade_fill_in(fill_in(("常态",), ("例外",)), BlankAnswers(("常态",)))
    assert refused.value.params == {"count": 2, "given": 1}


def test_points_per_question_type_come_from_the_point_values() -> None:
    values = PointValues(multiple=Decimal(3))
    assert grade_multiple(multiple(0, 1), ChoiceAnswer.of(1, 0), values).points == 3
