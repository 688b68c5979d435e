"""Right, partly right and wrong: full points, some points, no points."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.grading.answers import BlankAnswers, ChoiceAnswer
from bot.domain.grading.grade import Grade, Verdict, grade_fill_in, grade_multiple
from tests.domain.grading.builders import fill_in, multiple


@pytest.mark.parametrize(
    ("points", "maximum", "misses", "verdict"),
    [
        ("2", "2", (), Verdict.RIGHT),
        ("1", "2", (), Verdict.PARTLY),
        ("0.5", "5", ("a point",), Verdict.PARTLY),
        ("4.5", "5", ("a point",), Verdict.PARTLY),
        ("0", "2", ("B",), Verdict.WRONG),
        ("0", "5", (), Verdict.WRONG),
    ],
)
def test_the_verdict_follows_the_points(
    points: str, maximum: str, misses: tuple[str, ...], verdict: Verdict
) -> None:
    assert Grade(Decimal(points), Decimal(maximum), misses=misses).verdict is verdict


def test_one_of_two_blanks_right_is_partly_right() -> None:
    result = grade_fill_in(fill_in(("北京",), ("上海",)), BlankAnswers(("北京", "广州")))
    assert result.verdict is Verdict.PARTLY


def test_a_multiple_choice_answer_missing_an_option_is_wrong() -> None:
    """Multiple choice is all or nothing, so some right options still score nothing."""
    assert grade_multiple(multiple(0, 2), ChoiceAnswer.of(0)).verdict is Verdict.WRONG


@given(
    maximum=st.integers(min_value=1, max_value=40),
    share=st.integers(min_value=0, max_value=100),
)
def test_only_full_points_are_right_and_only_none_are_wrong(maximum: int, share: int) -> None:
    points = Decimal(maximum * share) / 100
    verdict = Grade(points, Decimal(maximum)).verdict
    assert (verdict is Verdict.RIGHT) == (share == 100)
    assert (verdict is Verdict.WRONG) == (share == 0)
