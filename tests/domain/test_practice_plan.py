"""When practice may reach a person: the daily set's moment, and the windows that close it."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import ContestData
from bot.domain.practice_plan import (
    LATE_LIMIT,
    DailySet,
    Lockdown,
    PracticePreferences,
    Window,
    closed_until,
    closed_windows,
    daily_set_due,
)
from bot.domain.snapshot import ContestSnapshot

ZONE = ZoneInfo("Asia/Shanghai")
DAY = date(2024, 9, 25)
SEVEN = PracticePreferences(1, daily_at=time(7), daily_count=5)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE)


def wall(hour: int, day: date = DAY) -> datetime:
    """Contest wall-clock time, as lockdowns are written."""
    return at(hour, 0, day).replace(tzinfo=None)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (at(6, 59), False),  # not yet
        (at(7), True),  # the chosen minute
        (at(9, 59), True),  # late, still welcome
        (at(7) + LATE_LIMIT, False),  # too late: tomorrow then
        (at(7, 0, DAY + timedelta(days=1)), True),  # the next day again
    ],
)
def test_a_daily_set_is_due_from_its_time_until_the_late_limit(now: datetime, due: bool) -> None:
    assert (daily_set_due(SEVEN, now, ZONE, []) is not None) is due


def test_the_due_day_is_the_contest_day_not_the_utc_one() -> None:
    early = PracticePreferences(1, daily_at=time(6, 30))
    assert daily_set_due(early, at(6, 45), ZONE, []) == DAY  # still the day before in UTC


def test_a_set_already_sent_today_is_not_due_again() -> None:
    sent = PracticePreferences(1, daily_at=time(7), daily_sent_on=DAY)
    assert daily_set_due(sent, at(8), ZONE, []) is None
    assert daily_set_due(sent, at(8, 0, DAY + timedelta(days=1)), ZONE, []) == DAY + timedelta(1)


def test_no_daily_time_means_no_daily_set() -> None:
    assert daily_set_due(PracticePreferences(1), at(7), ZONE, []) is None


def test_a_set_due_in_a_closed_window_waits_for_its_end() -> None:
    exam = Window(at(6, 30), at(8))
    assert daily_set_due(SEVEN, at(7), ZONE, [exam]) is None
    assert daily_set_due(SEVEN, at(8), ZONE, [exam]) == DAY


def test_a_window_covers_its_start_but_not_its_end() -> None:
    window = Window(at(8, 30), at(10))
    assert window.covers(at(8, 30))
    assert window.covers(at(9, 59))
    assert not window.covers(at(10))


def test_practice_opens_when_back_to_back_windows_have_all_ended() -> None:
    windows = [Window(at(10), at(11)), Window(at(8, 30), at(10)), Window(at(14), at(15))]
    assert closed_until(at(9), windows) == at(11)
    assert closed_until(at(12), windows) is None


def test_the_theory_rounds_and_the_lockdowns_are_the_closed_windows(
    demo_data: ContestData,
) -> None:
    snapshot = ContestSnapshot.build(demo_data, revision=0)
    lockdown = Lockdown(wall(13, date(2024, 9, 27)), wall(15, date(2024, 9, 27)))
    windows = closed_windows(snapshot, [lockdown])
    assert Window(at(8, 30, date(2024, 9, 26)), at(10, 0, date(2024, 9, 26))) in windows
    assert Window(at(13, 0, date(2024, 9, 27)), at(15, 0, date(2024, 9, 27))) in windows
    # Only theory: the showcase and the arena run while practice stays open.
    assert closed_until(at(14, 0, date(2024, 9, 26)), windows) is None


def test_a_lockdown_is_read_in_the_contests_zone() -> None:
    window = Lockdown(wall(13), wall(15)).window(ZONE)
    assert window.start == datetime(2024, 9, 25, 5, tzinfo=ZoneInfo("UTC"))


@given(
    starts=st.lists(st.integers(0, 24 * 60), max_size=6),
    lengths=st.lists(st.integers(1, 180), min_size=6, max_size=6),
    minute=st.integers(0, 24 * 60),
)
def test_practice_is_never_open_inside_a_window_and_opens_outside_all(
    starts: list[int], lengths: list[int], minute: int
) -> None:
    windows = [
        Window(at(0) + timedelta(minutes=s), at(0) + timedelta(minutes=s + n))
        for s, n in zip(starts, lengths, strict=False)
    ]
    now = at(0) + timedelta(minutes=minute)
    until = closed_until(now, windows)
    if any(w.covers(now) for w in windows):
        assert until is not None
        assert until > now
        assert not any(w.covers(until) for w in windows)
    else:
        assert until is None


def test_a_daily_set_counts_down_and_keeps_the_right_answers() -> None:
    progress = DailySet.started(3).answered("Q1", True).answered("Q2", False)
    assert (progress.left, progress.right) == (1, 1)
    assert progress.answered("Q3", True).answered("Q4", True).left == 0  # never below zero
    assert progress.asked == ("Q1", "Q2")


def test_a_daily_set_survives_the_dialogue_store() -> None:
    progress = DailySet(5, 2, 3, ("Q1", "Q2", "Q3"))
    assert DailySet.restored(progress.stored()) == progress
    assert DailySet.restored(None) is None
