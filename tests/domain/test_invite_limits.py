"""The limits all accounts share: how many failures close entry, and for how long."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.invite_limits import OVERALL, PER_CODE, Limit, minutes_until

NOW = datetime(2024, 9, 26, 8, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def seconds_ago(*seconds: int) -> list[datetime]:
    return [NOW - s * SECOND for s in seconds]


@pytest.mark.parametrize(
    ("failed_at", "closed_until"),
    [
        ([], None),
        (seconds_ago(1, 2), None),  # fewer than three
        (seconds_ago(10, 20, 30), NOW + 30 * SECOND),  # the oldest of the three leaves at +30 s
        (seconds_ago(10, 20, 30, 40), NOW + 30 * SECOND),  # from +30 s only two are left
        (seconds_ago(10, 20, 60), None),  # a minute ago is out of the window
    ],
)
def test_entry_is_closed_until_the_oldest_of_the_last_failures_leaves_the_window(
    failed_at: list[datetime], closed_until: datetime | None
) -> None:
    assert Limit(3, timedelta(minutes=1)).closed_until(failed_at, NOW) == closed_until


def test_a_flood_closes_entry_for_everyone_for_at_most_a_minute() -> None:
    flood = [NOW] * OVERALL.failures
    until = OVERALL.closed_until(flood, NOW)
    assert until == NOW + timedelta(minutes=1)
    assert OVERALL.closed_until(flood, until) is None


def test_thirty_failures_a_minute_are_answered_overall() -> None:
    assert OVERALL.closed_until([NOW] * (OVERALL.failures - 1), NOW) is None


def test_attempts_on_an_invite_someone_else_holds_are_answered_three_times_a_quarter_hour() -> None:
    assert (PER_CODE.failures, PER_CODE.window) == (3, timedelta(minutes=15))


@pytest.mark.parametrize(
    ("wait", "minutes"),
    [(SECOND, 1), (60 * SECOND, 1), (61 * SECOND, 2), (timedelta(minutes=15), 15), (-SECOND, 1)],
)
def test_the_wait_is_told_in_whole_minutes_rounded_up(wait: timedelta, minutes: int) -> None:
    assert minutes_until(NOW + wait, NOW) == minutes
