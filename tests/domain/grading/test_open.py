"""Short answers and essays: key-point coverage."""

from decimal import Decimal

import pytest

from bot.domain.enums import QuestionType
from bot.domain.grading.answers import TextAnswer
from bot.domain.grading.grade import grade_open
from bot.domain.grading.key_points import coverage
from tests.domain.grading.builders import open_question, point, space_words

SIX = open_question(*(point(p) for p in ("受理", "派单", "办理", "督办", "回访", "评价")))


def test_an_answer_that_makes_every_key_point_scores_full_points() -> None:
    result = grade_open(SIX, TextAnswer("受理后派单，办理并督办，最后回访和评价。"), space_words)
    assert (result.correct, result.points, result.max_points) == (True, Decimal(5), Decimal(5))


def test_points_are_the_share_of_key_points_rounded_half_up_to_half_a_point() -> None:
    result = grade_open(SIX, TextAnswer("受理、派单、办理"), space_words)
    assert result.points == Decimal("2.5")


def test_hits_and_misses_keep_the_order_of_the_key_points() -> None:
    result = grade_open(SIX, TextAnswer("评价 受理"), space_words)
    assert result.hits == ("受理", "评价")
    assert result.misses == ("派单", "办理", "督办", "回访")


def test_a_synonym_makes_the_key_point() -> None:
    question = open_question(point("按责转办", 1, "按职责转办"))
    assert grade_open(question, TextAnswer("应按职责转办。"), space_words).correct


def test_a_heavier_key_point_is_worth_more() -> None:
    question = open_question(point("一次性告知", 2), point("综合窗口"), point("一站式"))
    result = grade_open(question, TextAnswer("一次性告知"), space_words)
    assert result.points == Decimal("2.5")


def test_an_essay_that_repeats_one_key_point_ten_times_scores_it_once() -> None:
    question = open_question(point("接诉即办"), point("回访"), kind=QuestionType.ESSAY)
    result = grade_open(question, TextAnswer("接诉即办。" * 10), space_words)
    assert (result.points, result.max_points) == (Decimal(10), Decimal(20))
    assert result.hits == ("接诉即办",)


@pytest.mark.parametrize("text", ["", "   ", "。。。"])
def test_an_empty_answer_scores_zero(text: str) -> None:
    assert grade_open(SIX, TextAnswer(text), space_words).points == 0


def test_a_missed_key_point_never_rounds_up_to_full_points() -> None:
    question = open_question(point("甲", 30), point("乙", 1))
    result = grade_open(question, TextAnswer("甲"), space_words)
    assert (result.points, result.correct) == (Decimal("4.5"), False)


def test_an_open_grade_carries_the_caveat_that_markers_decide() -> None:
    assert grade_open(SIX, TextAnswer("受理"), space_words).caveat


def test_key_points_compare_normalised_text() -> None:
    question = open_question(point("15秒"), point("95%"))
    answer = TextAnswer("电话十五秒内接听，接通率百分之九十五")
    assert grade_open(question, answer, space_words).correct


def test_a_multi_word_key_point_is_made_by_its_words_anywhere_in_the_answer() -> None:
    found = coverage([point("不得 重复 提交")], "不得 要求 申请人 重复 提交", space_words)
    assert [p.point for p in found.hits] == ["不得 重复 提交"]


def test_function_words_are_not_needed_to_make_a_key_point() -> None:
    found = coverage([point("电子证照 和 电子印章")], "电子印章 电子证照", space_words)
    assert len(found.hits) == 1


def test_a_multi_word_key_point_needs_every_content_word() -> None:
    found = coverage([point("不得 重复 提交")], "不得 要求 申请人 提交", space_words)
    assert found.hits == ()


def test_a_one_word_key_point_is_only_made_by_containment() -> None:
    found = coverage([point("跟踪督办")], "跟踪 办理 督办", space_words)
    assert found.hits == ()


def test_a_synonym_with_several_words_counts_like_the_point() -> None:
    found = coverage([point("一次告知", 1, "一次性 告知")], "告知 一次性", space_words)
    assert len(found.hits) == 1
