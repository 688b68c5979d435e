"""The app's reader of free-text questions: readings kept for the current contest only."""

from datetime import date
from functools import cache

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.understanding.corpus import load
from bench.understanding.world import snapshot
from bot.adapters.opencc_script import OpenccScript
from bot.domain.contest import ContestData
from bot.domain.interpreter import Intent, Vocabulary, build_vocabulary, interpret
from bot.services.questions import QuestionReader

TODAY = date(2024, 9, 26)


def test_a_question_is_read_as_the_interpreter_reads_it(demo_data: ContestData) -> None:
    vocabulary = build_vocabulary(demo_data)
    reader = QuestionReader()
    query = reader.read("我们队几点上场？", vocabulary, TODAY)
    assert query == interpret("我们队几点上场？", vocabulary, TODAY)
    assert query.intent is Intent.MY_TURN
    assert reader.read("我们队几点上场？", vocabulary, TODAY) is query


def test_the_day_is_part_of_the_reading(demo_data: ContestData) -> None:
    vocabulary = build_vocabulary(demo_data)
    reader = QuestionReader()
    today = reader.read("明天有什么安排", vocabulary, TODAY)
    later = reader.read("明天有什么安排", vocabulary, date(2024, 9, 25))
    assert today.day == date(2024, 9, 27)
    assert later.day == date(2024, 9, 26)


def test_a_new_vocabulary_drops_the_readings_of_the_old(demo_data: ContestData) -> None:
    old, new = build_vocabulary(demo_data), build_vocabulary(demo_data)
    reader = QuestionReader()
    first = reader.read("谁在台上", old, TODAY)
    reader.read("谁在台上", new, TODAY)
    again = reader.read("谁在台上", old, TODAY)
    assert again == first
    assert again is not first


def test_no_more_readings_are_kept_than_the_size(demo_data: ContestData) -> None:
    vocabulary = build_vocabulary(demo_data)
    reader = QuestionReader(size=2)
    first = reader.read("谁在台上", vocabulary, TODAY)
    second = reader.read("明天有什么安排", vocabulary, TODAY)
    assert reader.read("谁在台上", vocabulary, TODAY) is first  # now the most recent
    reader.read("决赛多长时间", vocabulary, TODAY)  # forgets 明天有什么安排, not 谁在台上
    assert reader.read("谁在台上", vocabulary, TODAY) is first
    assert reader.read("明天有什么安排", vocabulary, TODAY) is not second


def test_traditional_script_reads_as_its_simplified_form(demo_data: ContestData) -> None:
    vocabulary = build_vocabulary(demo_data)
    reader = QuestionReader(OpenccScript())
    to_traditional = opencc.OpenCC("s2t").convert
    asked = [c.question for c in load("dev") if c.contest == "demo" and c.locale.value != "en"]
    for question in asked:
        traditional = reader.read(to_traditional(question), vocabulary, TODAY)
        assert traditional == reader.read(question, vocabulary, TODAY), question


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_any_text_in_any_script_is_read_without_error(text: str) -> None:
    reader = QuestionReader(OpenccScript(), size=0)
    reader.read(text, _demo_vocabulary(), TODAY)


@cache
def _demo_vocabulary() -> Vocabulary:
    return snapshot("demo").vocabulary
