"""The next practice question: never answered first, then last answered wrong, then the one
answered longest ago."""

import random
from datetime import UTC, datetime, timedelta

from bot.domain.contest import ContestData
from bot.domain.practice_choice import LastAnswer, choose, notebook

NOW = datetime(2024, 9, 25, 12, tzinfo=UTC)


def test_a_question_never_answered_comes_first(demo_data: ContestData) -> None:
    first, second = demo_data.questions[:2]
    latest = {first.code: LastAnswer(False, NOW)}
    assert choose([first, second], latest, random.Random(1)) == second


def test_then_one_last_answered_wrong(demo_data: ContestData) -> None:
    first, second = demo_data.questions[:2]
    latest = {first.code: LastAnswer(True, NOW), second.code: LastAnswer(False, NOW)}
    assert choose([first, second], latest, random.Random(1)) == second


def test_when_all_were_last_answered_right_the_longest_ago_comes(demo_data: ContestData) -> None:
    first, second = demo_data.questions[:2]
    latest = {first.code: LastAnswer(True, NOW), second.code: LastAnswer(True, NOW - timedelta(1))}
    assert choose([first, second], latest, random.Random(1)) == second


def test_no_candidates_no_question() -> None:
    assert choose([], {}, random.Random(1)) is None


def test_the_notebook_keeps_the_questions_last_answered_wrong_in_order() -> None:
    latest = {"Q3": LastAnswer(False, NOW), "Q1": LastAnswer(True, NOW),
              "Q2": LastAnswer(False, NOW)}  # fmt: skip
    assert notebook(latest) == ["Q3", "Q2"]
