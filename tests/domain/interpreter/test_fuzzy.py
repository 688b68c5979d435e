"""The edit distance and the typo correction built on it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.interpreter import damerau_levenshtein
from bot.domain.interpreter.fuzzy import FuzzyIndex, allowed_distance

short_words = st.text(alphabet="abcde", max_size=7)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("", "abc", 3),
        ("final", "final", 0),
        ("finnal", "final", 1),  # insertion
        ("fial", "final", 1),  # deletion
        ("finel", "final", 1),  # substitution
        ("thoery", "theory", 1),  # swapped neighbours count once
        ("tommorow", "tomorrow", 2),
        ("shedule", "schedule", 1),
        ("kitten", "sitting", 3),
        ("ca", "abc", 3),  # optimal string alignment: a swapped pair is not edited again
    ],
)
def test_distance(a: str, b: str, distance: int) -> None:
    assert damerau_levenshtein(a, b) == distance


def textbook(a: str, b: str) -> int:
    """The optimal-string-alignment distance, straight from its definition."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(short_words, short_words)
def test_distance_matches_the_definition(a: str, b: str) -> None:
    assert damerau_levenshtein(a, b) == textbook(a, b)


@given(short_words, short_words)
def test_distance_is_symmetric_and_bounded(a: str, b: str) -> None:
    distance = damerau_levenshtein(a, b)
    assert distance == damerau_levenshtein(b, a)
    assert abs(len(a) - len(b)) <= distance <= max(len(a), len(b))
    assert (distance == 0) == (a == b)


@given(short_words, short_words, short_words)
def test_a_common_ending_costs_nothing_more(a: str, b: str, c: str) -> None:
    assert damerau_levenshtein(a + c, b + c) <= damerau_levenshtein(a, b)


@pytest.mark.parametrize(
    ("word", "allowed"), [("wen", 0), ("when", 1), ("theory", 1), ("tomorrow", 2)]
)
def test_longer_words_tolerate_more_typos(word: str, allowed: int) -> None:
    assert allowed_distance(word) == allowed


@pytest.mark.parametrize(
    ("a", "b", "limit", "result"),
    [
        ("tommorow", "tomorrow", 2, 2),
        ("tommorow", "tomorrow", 1, 2),
        ("xylophone", "final", 2, 3),
        ("abcdef", "badcfe", 1, 2),
    ],
)
def test_a_limit_caps_the_result(a: str, b: str, limit: int, result: int) -> None:
    assert damerau_levenshtein(a, b, limit) == result


@given(short_words, short_words, st.integers(min_value=0, max_value=3))
def test_a_limit_changes_nothing_below_it(a: str, b: str, limit: int) -> None:
    assert damerau_levenshtein(a, b, limit) == min(damerau_levenshtein(a, b), limit + 1)


INDEX = FuzzyIndex.of(["where", "when", "schedule", "theory", "final", "tomorrow", "hall"])


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("wher", "where"),  # a prefix of "where", one edit from "when" too
        ("whre", "where"),
        ("wehre", "where"),
        ("shedule", "schedule"),
        ("schedual", "schedule"),
        ("thoery", "theory"),
        ("finnal", "final"),
        ("tommorow", "tomorrow"),
        ("tomorow", "tomorrow"),
        ("hwere", "where"),
    ],
)
def test_typos_are_corrected(typo: str, word: str) -> None:
    assert INDEX.correct(typo) == word


@pytest.mark.parametrize("word", ["then", "call", "hal", "whe", "xylophone", "finale2"])
def test_other_words_are_left_alone(word: str) -> None:
    assert INDEX.correct(word) is None
