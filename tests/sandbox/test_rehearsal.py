"""Without --clock, a contest that is not on today is rehearsed from its first morning."""

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.contest import ContestData
from bot.domain.enums import Locale
from bot.domain.snapshot import ContestSnapshot
from bot.sandbox.rehearsal import AUTOMATIC, ClockNote, first_morning
from bot.texts.texts import Texts

SHANGHAI = ZoneInfo("Asia/Shanghai")
# The demo runs 25–27 September 2024, its programme from 09:00 on the first day.
FIRST_MORNING = datetime(2024, 9, 25, 8, 0, tzinfo=SHANGHAI)


@pytest.fixture
def demo(demo_data: ContestData) -> ContestSnapshot:
    return ContestSnapshot.build(demo_data, revision=1)


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 12, 2, 11, 0, tzinfo=SHANGHAI),  # long after
        datetime(2024, 9, 27, 23, 59, tzinfo=SHANGHAI) + timedelta(minutes=1),  # the day after
        datetime(2024, 9, 24, 23, 59, tzinfo=SHANGHAI),  # the evening before
        datetime(2023, 1, 1, tzinfo=SHANGHAI),  # long before
    ],
)
def test_a_contest_not_on_today_starts_at_its_first_morning(
    demo: ContestSnapshot, now: datetime
) -> None:
    assert first_morning(demo, now) == FIRST_MORNING


@pytest.mark.parametrize(
    "now",
    [
        datetime(2024, 9, 25, 0, 0, tzinfo=SHANGHAI),
        datetime(2024, 9, 26, 14, 0, tzinfo=SHANGHAI),
        datetime(2024, 9, 27, 23, 59, tzinfo=SHANGHAI),
    ],
)
def test_while_the_contest_is_on_the_real_clock_is_kept(
    demo: ContestSnapshot, now: datetime
) -> None:
    assert first_morning(demo, now) is None


def test_a_programme_that_starts_before_eight_starts_the_clock_there(
    demo_data: ContestData,
) -> None:
    first = min(demo_data.slots, key=lambda s: s.starts_at)
    early = replace(first, starts_at=datetime(2024, 9, 25, 7, 15, tzinfo=SHANGHAI))
    slots = tuple(early if s is first else s for s in demo_data.slots)
    snapshot = ContestSnapshot.build(replace(demo_data, slots=slots), revision=1)
    assert first_morning(snapshot, datetime(2026, 1, 1, tzinfo=SHANGHAI)) == early.starts_at


def test_a_contest_without_a_programme_keeps_the_real_clock(demo_data: ContestData) -> None:
    snapshot = ContestSnapshot.build(replace(demo_data, slots=()), revision=1)
    assert first_morning(snapshot, datetime(2026, 1, 1, tzinfo=SHANGHAI)) is None


@pytest.mark.parametrize("locale", list(Locale))
def test_the_page_says_when_the_rehearsal_starts_and_why(locale: Locale) -> None:
    t = Texts(locale, SHANGHAI)
    note = ClockNote(FIRST_MORNING, SHANGHAI, automatic=True)
    assert note.text(locale) == t(AUTOMATIC, moment=t.moment(FIRST_MORNING))
    assert t.moment(FIRST_MORNING) in note.text(locale)
