"""The jieba adapter cuts a real Chinese sentence into words."""

from bot.adapters.jieba_segmenter import jieba_segmenter
from bot.domain.grading.key_points import coverage
from bot.domain.questions import KeyPoint


def test_jieba_cuts_a_sentence_into_words_and_a_key_point_is_found_by_them() -> None:
    sentence = "可以通过共享获取的信息，不得要求申请人重复提交。"
    segmenter = jieba_segmenter()
    words = segmenter.segment(sentence)
    assert "".join(words) == sentence
    assert {"申请人", "重复", "提交"} <= set(words)
    found = coverage([KeyPoint("不得重复提交")], sentence, segmenter.segment)
    assert [p.point for p in found.hits] == ["不得重复提交"]
