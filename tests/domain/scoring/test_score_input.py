"""A judge's typed score is exactly one number in range; anything else is refused."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.score_input import JUDGE_DECIMALS, NOT_A_SCORE, parse_score

MAXIMUM = Decimal(100)
TO_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
DIGITS = "0123456789０１２３４５６７８９"
SEPARATORS = ".．"

spaces = st.text(alphabet=" \t\n\u3000\u00a0", max_size=3)
maximums = st.sampled_from([Decimal(100), Decimal(10), Decimal("7.5"), Decimal(1000)])


def in_range(maximum: Decimal = MAXIMUM) -> st.SearchStrategy[Decimal]:
    """Scores of 0 up to two decimals: 85, 85.5 and 85.50 alike."""
    return st.integers(min_value=0, max_value=JUDGE_DECIMALS).flatmap(
        lambda places: st.decimals(min_value=0, max_value=maximum, places=places)
    )


def typed(score: Decimal) -> str:
    return f"{score:f}"


numbers = in_range().map(typed)
# Text with at least one character that is neither a digit, a separator nor whitespace.
junk = st.text(alphabet=st.characters(exclude_characters=DIGITS + SEPARATORS), min_size=1).filter(
    lambda text: text.strip() != ""
)


def assert_refused(text: str, maximum: Decimal = MAXIMUM) -> None:
    with pytest.raises(ScoringError) as refused:
        parse_score(text, maximum)
    assert refused.value.message == NOT_A_SCORE
    assert refused.value.params == {"maximum": maximum, "decimals": JUDGE_DECIMALS}


@given(maximums.flatmap(lambda m: st.tuples(st.just(m), in_range(m))))
def test_every_score_in_range_reads_back_exactly(case: tuple[Decimal, Decimal]) -> None:
    maximum, score = case
    read = parse_score(typed(score), maximum)
    assert read == score
    assert str(read) == typed(score)  # 85.50 stays 85.50: nothing rounded or reformatted


@given(in_range())
def test_full_width_digits_and_separator_read_as_ascii(score: Decimal) -> None:
    assert parse_score(typed(score).translate(TO_FULL_WIDTH), MAXIMUM) == score


@given(in_range(), st.data())
def test_ascii_and_full_width_may_be_mixed(score: Decimal, data: st.DataObject) -> None:
    text = "".join(
        data.draw(st.sampled_from([c, c.translate(TO_FULL_WIDTH)])) for c in typed(score)
    )
    assert parse_score(text, MAXIMUM) == score


@given(spaces, in_range(), spaces)
def test_whitespace_around_the_number_is_ignored(before: str, score: Decimal, after: str) -> None:
    assert parse_score(f"{before}{typed(score)}{after}", MAXIMUM) == score


@given(st.integers(min_value=0, max_value=5), in_range())
def test_leading_zeros_are_the_same_number(zeros: int, score: Decimal) -> None:
    assert parse_score("0" * zeros + typed(score), MAXIMUM) == score


@given(numbers, junk)
def test_junk_after_the_number_is_refused(number: str, suffix: str) -> None:
    assert_refused(number + suffix)


@given(junk, numbers)
def test_junk_before_the_number_is_refused(prefix: str, number: str) -> None:
    assert_refused(prefix + number)


@given(numbers, st.text(alphabet=" \t\n\u3000,，;、/", min_size=1), numbers)
def test_two_numbers_are_refused(first: str, between: str, second: str) -> None:
    assert_refused(first + between + second)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_decimal_comma_is_refused(whole: int, fraction: int) -> None:
    assert_refused(f"{whole},{fraction}")
    assert_refused(f"{whole}，{fraction}")


@given(
    st.integers(min_value=0, max_value=100),
    st.sampled_from(["e", "E"]),
    st.sampled_from(["", "+", "-"]),
    st.integers(min_value=0, max_value=3),
)
def test_an_exponent_is_refused(mantissa: int, e: str, sign: str, exponent: int) -> None:
    assert_refused(f"{mantissa}{e}{sign}{exponent}")


@given(st.sampled_from(["0x", "0X", "0o", "0b"]), st.text(alphabet="0123456789abcdef", min_size=1))
def test_hex_octal_and_binary_are_refused(base: str, digits: str) -> None:
    assert_refused(base + digits)


@given(st.sampled_from(["+", "-", "＋", "－", "−"]), numbers)
def test_a_sign_is_refused(sign: str, number: str) -> None:
    assert_refused(sign + number)


@given(in_range(), st.integers(min_value=1, max_value=4))
def test_more_than_two_decimals_are_refused(score: Decimal, extra: int) -> None:
    assert_refused(typed(score.quantize(Decimal("0.01"))) + "0" * extra)


@given(st.decimals(min_value=Decimal("100.01"), max_value=Decimal(10) ** 6, places=2))
def test_a_score_above_the_maximum_is_refused(score: Decimal) -> None:
    assert_refused(typed(score))


@given(spaces)
def test_nothing_but_whitespace_is_refused(text: str) -> None:
    assert_refused(text)


@pytest.mark.parametrize(
    "text",
    [
        "50,5",  # the typos of the finding, each saved as a score before
        "1e3",
        "5e1",
        "0x50",
        "",
        ".5",
        "5.",
        "85..5",
        "8.5.5",
        "85。5",  # the ideographic full stop is not a decimal separator
        "٨٥",  # Arabic-Indic digits
        "८५",  # Devanagari digits
        "²",
        "½",
        "85\u200b",  # zero-width space
        "8\u200b5",
        "85\x00",
        "NaN",
        "Infinity",
        "inf",
        "八十五",
        "85分",
        "85 计分有误",
        "1_000",
        "-0",
    ],
)
def test_a_text_that_is_not_one_number_is_refused(text: str) -> None:
    assert_refused(text)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("85", "85"),
        ("85.5", "85.5"),
        ("85.50", "85.50"),
        ("０", "0"),
        ("１００", "100"),
        ("８５．５", "85.5"),
        ("  92.25\n", "92.25"),
        ("\u300088\u3000", "88"),
    ],
)
def test_a_score_is_read_exactly(text: str, score: str) -> None:
    assert parse_score(text, MAXIMUM) == Decimal(score)


def test_the_maximum_and_the_precision_come_from_the_caller() -> None:
    assert parse_score("7.5", Decimal("7.5")) == Decimal("7.5")
    assert_refused("7.51", Decimal("7.5"))
    assert parse_score("7.125", MAXIMUM, decimals=3) == Decimal("7.125")
    with pytest.raises(ScoringError):
        parse_score("7.5", MAXIMUM, decimals=0)
