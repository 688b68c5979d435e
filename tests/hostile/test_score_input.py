"""A judge's score is the whole message and one number in range (ASCII or full-width digits,
"." or "．"); anything else is refused in the judge's language, with nothing saved."""

from decimal import Decimal

import pytest

from tests.handlers.conftest import Telegram
from tests.hostile.bot import JUDGE, feed
from tests.hostile.cases import every, on_dialects
from tests.hostile.checks import READERS, assert_refusal, assert_sound
from tests.hostile.state import showcase_scores
from tests.hostile.updates import press_update, text_update

FIRST_TEAM = "st:7:36"  # W16, first on J7's board for the window track's showcase
REFUSED = {
    "decimal-comma": "50,5",
    "exponent": "1e3",
    "small-exponent": "5e1",
    "hexadecimal": "0x50",
    "negative": "-1",
    "above-the-maximum": "101",
    "just-above-the-maximum": "100.01",
    "three-decimals": "50.555",
    "10k-digits": "9" * 10_000,
    "not-a-number": "NaN",
    "infinity": "inf",
    "two-numbers": "50 50",
    "split-digits": "5 0",
    "plus-sign": "+50",
    "percent": "50%",
    "underscore": "1_000",
    "arabic-indic-digits": "٥٠",
    "superscript-digits": "⁵⁰",
    "vulgar-fraction": "½",
    "chinese-numeral": "五十",
    "unit-after": "50分",
    "reason-before-publication": "92.5 计分有误",
    "dot-only": ".",
    "nul-after": "50\x00",
    "zero-width-inside": "5\u200b0",
}
SAVED = {
    "ascii": ("50", Decimal(50)),
    "full-width-digits": ("５０", Decimal(50)),
    "full-width-point": ("５０．５", Decimal("50.5")),
    "two-decimals": ("99.99", Decimal("99.99")),
    "the-maximum": ("100", Decimal(100)),
    "zero": ("0", Decimal(0)),
}


async def awaiting_a_score(telegram: Telegram) -> None:
    """J7 opened the board and tapped the first team: the next message is its score."""
    await feed(telegram, text_update(telegram, JUDGE, "/score"))
    await feed(telegram, press_update(telegram, JUDGE, FIRST_TEAM))


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(REFUSED, every(REFUSED, 5)), indirect=["hostile"]
)
async def test_a_malformed_score_is_refused_and_nothing_is_saved(
    hostile: Telegram, case: str, failures: pytest.LogCaptureFixture
) -> None:
    await awaiting_a_score(hostile)
    outcome = await feed(hostile, text_update(hostile, JUDGE, case))
    assert_sound(outcome, failures, READERS["judge"])
    assert_refusal(outcome, READERS["judge"])
    assert await showcase_scores(hostile) == []


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(SAVED, every(SAVED, 3)), indirect=["hostile"]
)
async def test_a_well_formed_score_is_saved_as_typed(
    hostile: Telegram, case: tuple[str, Decimal], failures: pytest.LogCaptureFixture
) -> None:
    typed, value = case
    await awaiting_a_score(hostile)
    outcome = await feed(hostile, text_update(hostile, JUDGE, typed))
    assert_sound(outcome, failures, READERS["judge"])
    assert [(row[1], row[2], row[3]) for row in await showcase_scores(hostile)] == [
        ("W16", "J7", int(value * 100))
    ]
