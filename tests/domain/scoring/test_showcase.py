"""The showcase score: judges' scores without the extremes, averaged to 2 decimals half-up."""

from decimal import Decimal

import pytest

from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from tests.domain.scoring.builders import D

DEFAULT = ScoringRules()


def scores(text: str) -> list[Decimal]:
    return [D(v) for v in text.split()]


@pytest.mark.parametrize(
    ("judges", "expected"),
    [
        ("90 90 80 70 70", "80.00"),  # equal extremes: exactly one 90 and one 70 are dropped
        ("85 90 95", "90.00"),
        ("100 100 100", "100.00"),
        ("95 60 80 81 82", "81.00"),  # order of entry does not matter
        ("0 70 70 71 100", "70.33"),
        ("0 1 2 2 100", "1.67"),
        ("60 80 80.01 80.04 100 100", "85.01"),  # mean(80, 80.01, 80.04, 100) = 85.0125
        ("60 80.01 80.04 100", "80.03"),  # 80.025 rounds half-up, not to even
        ("60 80.01 80.02 100", "80.02"),  # 80.015
        ("92.5 88.25 90.75 70 99", "90.50"),
    ],
)
def test_the_showcase_score_is_the_mean_without_one_highest_and_one_lowest(
    judges: str, expected: str
) -> None:
    assert str(trimmed_mean(scores(judges), DEFAULT)) == expected


@pytest.mark.parametrize(
    ("high", "low", "judges", "expected"),
    [
        (0, 0, "90 80", "85.00"),
        (0, 0, "77", "77.00"),
        (2, 1, "100 99 60 80 90", "85.00"),  # drops 100, 99 and 60
        (1, 2, "100 99 60 80 90", "94.50"),  # drops 100, 60 and 80
        (2, 2, "90 90 90 90 85", "90.00"),
    ],
)
def test_the_number_of_dropped_scores_is_configurable(
    high: int, low: int, judges: str, expected: str
) -> None:
    rules = ScoringRules(showcase_drop_highest=high, showcase_drop_lowest=low)
    assert str(trimmed_mean(scores(judges), rules)) == expected


@pytest.mark.parametrize(("judges", "count"), [("", 0), ("90", 1), ("90 80", 2)])
def test_too_few_judges_is_refused(judges: str, count: int) -> None:
    with pytest.raises(ScoringError) as raised:
        trimmed_mean(scores(judges), DEFAULT)
    assert raised.value.params == {"needed": 3, "count": count}


@pytest.mark.parametrize("bad", ["-1", "100.01", "NaN", "Infinity"])
def test_a_judges_score_outside_the_scale_is_refused(bad: str) -> None:
    with pytest.raises(ScoringError) as raised:
        trimmed_mean(scores(f"90 80 {bad}"), DEFAULT)
    assert raised.value.params["maximum"] == D(100)


def test_the_scale_is_configurable() -> None:
    rules = ScoringRules(showcase_max=D(10))
    assert trimmed_mean(scores("9.5 9 8.5"), rules) == D(9)
    with pytest.raises(ScoringError):
        trimmed_mean(scores("9.5 9 11"), rules)
