"""Anything a chat can carry: never an exception, UNKNOWN for what is not a question."""

import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.contest import ContestData
from bot.domain.interpreter import Intent, Query, Vocabulary, build_vocabulary, interpret
from tests.domain.interpreter.conftest import TODAY

UNKNOWN = Query(Intent.UNKNOWN)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t  \u3000",
        "😀👍🎉",
        "?!?!。。。",
        "asdfghjkl",
        "'; DROP TABLE teams; --",
        "<script>alert(1)</script>",
        "1 OR 1=1",
        "\x00\x01\x02",
        "你好",
        "hi there",
        "ok thanks",
        "在吗",
        "哈哈哈",
        "早上好",
        "good morning",
        "test",
        "我们队明天几点上场" * 500,  # a 4,500-character paste is not a question
        "a" * 5000,
    ],
)
def test_junk_is_unknown(vocabulary: Vocabulary, text: str) -> None:
    assert interpret(text, vocabulary, TODAY) == UNKNOWN


@given(st.text())
@settings(max_examples=500)
def test_any_text_gives_a_query(vocabulary: Vocabulary, text: str) -> None:
    assert isinstance(interpret(text, vocabulary, TODAY), Query)


@given(st.text(alphabet="明天周四9月26日号下午几点决赛在哪我们sept26th/-.H07 ", max_size=40))
def test_text_made_of_keywords_never_raises(vocabulary: Vocabulary, text: str) -> None:
    assert isinstance(interpret(text, vocabulary, TODAY), Query)


@pytest.mark.parametrize("today", [date.min, date.max])
def test_the_edges_of_the_calendar(vocabulary: Vocabulary, today: date) -> None:
    for text in ("明天有什么", "yesterday", "下周一", "周三", "9月26日"):
        assert isinstance(interpret(text, vocabulary, today), Query)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_relative_days_follow_the_given_day_only(vocabulary: Vocabulary, today: date) -> None:
    assert interpret("明天有什么安排", vocabulary, today).day == today + timedelta(days=1)
    thursday = interpret("周四", vocabulary, today).day
    assert thursday is not None
    assert thursday.weekday() == 3
    assert 0 <= (thursday - today).days < 7


def test_the_clock_is_never_read(vocabulary: Vocabulary, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_clock() -> float:
        raise AssertionError("the interpreter read the clock")

    for name in ("time", "time_ns", "monotonic", "perf_counter", "localtime", "gmtime"):
        monkeypatch.setattr(time, name, no_clock)
    assert interpret("明天几点上场", vocabulary, TODAY).day == date(2024, 9, 27)
    assert interpret("tomorrow", vocabulary, date(2030, 12, 31)).day == date(2031, 1, 1)


def test_the_same_question_gives_the_same_answer(
    vocabulary: Vocabulary, demo_data: ContestData
) -> None:
    again = build_vocabulary(demo_data)
    for text in ("沈阳热线队几点上场", "where is hall 1", "明天的final几点", "wher is thoery exam"):
        assert interpret(text, vocabulary, TODAY) == interpret(text, again, TODAY)
