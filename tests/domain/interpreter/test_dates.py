"""Written dates, relative days, weekdays and parts of the day (asked on Thu 26 Sep 2024)."""

from datetime import date

import pytest

from bot.domain.interpreter import PartOfDay, Vocabulary, interpret
from bot.domain.interpreter.dates import find_date, number, weekday_date
from tests.domain.interpreter.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月26日", date(2024, 9, 26)),
        ("9月27号", date(2024, 9, 27)),
        ("2025年1月2日", date(2025, 1, 2)),
        ("九月二十七日", date(2024, 9, 27)),
        ("十月一号", date(2024, 10, 1)),
        ("27号", date(2024, 9, 27)),
        ("二十五号", date(2024, 9, 25)),
        ("9-27", date(2024, 9, 27)),
        ("9/27", date(2024, 9, 27)),
        ("27/9", date(2024, 9, 27)),
        ("9.27", date(2024, 9, 27)),
        ("2024-09-25", date(2024, 9, 25)),
        ("sep 27", date(2024, 9, 27)),
        ("sept. 27", date(2024, 9, 27)),
        ("27 sep", date(2024, 9, 27)),
        ("september 27th", date(2024, 9, 27)),
        ("27th of september", date(2024, 9, 27)),
        ("the 25th", date(2024, 9, 25)),
        ("may 1st", date(2024, 5, 1)),
    ],
)
def test_written_dates(text: str, expected: date) -> None:
    assert find_date(text, TODAY)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "1号厅",
        "一号会议厅",
        "12345",
        "h07-1",
        "风采展示1.5小时",
        "2月30日",
        "13/13",
        "几号",
        "周日",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert find_date(text, TODAY)[0] is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("今天", date(2024, 9, 26)),
        ("today", date(2024, 9, 26)),
        ("明天", date(2024, 9, 27)),
        ("明日", date(2024, 9, 27)),
        ("tomorrow", date(2024, 9, 27)),
        ("tmrw", date(2024, 9, 27)),
        ("后天", date(2024, 9, 28)),
        ("the day after tomorrow", date(2024, 9, 28)),
        ("昨天", date(2024, 9, 25)),
        ("yesterday", date(2024, 9, 25)),
        ("周四", date(2024, 9, 26)),  # today counts as the next Thursday
        ("星期五", date(2024, 9, 27)),
        ("礼拜天", date(2024, 9, 29)),
        ("星期日", date(2024, 9, 29)),
        ("周三", date(2024, 10, 2)),
        ("下周一", date(2024, 9, 30)),
        ("本周三", date(2024, 9, 25)),
        ("Monday", date(2024, 9, 30)),
        ("fri", date(2024, 9, 27)),
        ("next thursday", date(2024, 10, 3)),
        ("wendsday", date(2024, 10, 2)),
    ],
)
def test_days(vocabulary: Vocabulary, text: str, day: date) -> None:
    assert interpret(text, vocabulary, TODAY).day == day


@pytest.mark.parametrize(
    ("text", "day", "part"),
    [
        ("上午", None, PartOfDay.MORNING),
        ("早上", None, PartOfDay.MORNING),
        ("中午", None, PartOfDay.AFTERNOON),  # lunch is part of the afternoon session
        ("下午", None, PartOfDay.AFTERNOON),
        ("傍晚", None, PartOfDay.EVENING),
        ("今晚", date(2024, 9, 26), PartOfDay.EVENING),
        ("明早", date(2024, 9, 27), PartOfDay.MORNING),
        ("tonight", date(2024, 9, 26), PartOfDay.EVENING),
        ("this afternoon", date(2024, 9, 26), PartOfDay.AFTERNOON),
        ("tomorrow morning", date(2024, 9, 27), PartOfDay.MORNING),
        ("noon", None, PartOfDay.AFTERNOON),
        ("evening", None, PartOfDay.EVENING),
    ],
)
def test_parts_of_the_day(
    vocabulary: Vocabulary, text: str, day: date | None, part: PartOfDay
) -> None:
    query = interpret(text, vocabulary, TODAY)
    assert (query.day, query.part_of_day) == (day, part)


def test_a_written_date_wins_over_a_relative_day(vocabulary: Vocabulary) -> None:
    assert interpret("明天是9月28日吗", vocabulary, TODAY).day == date(2024, 9, 28)


@pytest.mark.parametrize(
    ("text", "value"),
    [("7", 7), ("27", 27), ("十", 10), ("十一", 11), ("二十", 20), ("三十一", 31)],
)
def test_numbers(text: str, value: int) -> None:
    assert number(text) == value


def test_days_past_the_calendar_are_no_day() -> None:
    assert weekday_date(date.max, 0, 1) is None
