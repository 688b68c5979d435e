"""Properties of normalisation and grading over generated text."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.enums import QuestionType
from bot.domain.grading.answers import TextAnswer
from bot.domain.grading.grade import grade_open
from bot.domain.grading.normalise import normalise
from bot.domain.questions import KeyPoint, Question
from tests.domain.grading.builders import space_words

NUMERALS = "零〇一二两三四五六七八九十百千万亿廿卅壹拾佰"
PUNCTUATION = "。，、；：？！“”（）《》…—·.,;:?!\"'()-_/ \u3000\n%"
WORDS = ["受理", "派单", "办理", "督办", "回访", "评价", "一网通办", "95%", "15秒", "不得", "提交"]
texty = st.text(st.sampled_from(NUMERALS + PUNCTUATION + "AbＣ３0分钟统受理办"), max_size=30)
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
key_points = st.lists(
    st.builds(KeyPoint, phrases, st.sampled_from([0.5, 1.0, 2.0, 3.0])), min_size=1, max_size=6
)
kinds = st.sampled_from([QuestionType.SHORT_ANSWER, QuestionType.ESSAY])
answers = st.lists(st.sampled_from([*WORDS, "，", " ", "和", "三十"]), max_size=12).map("".join)


def question(kind: QuestionType, points: list[KeyPoint]) -> Question:
    return Question("P", kind, "?", key_points=tuple(points))


@given(texty)
def test_normalising_numerals_and_punctuation_twice_changes_nothing(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(max_size=30))
def test_normalising_any_text_twice_changes_nothing(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(kinds, key_points, answers | texty)
def test_grading_stays_between_zero_and_the_question_points(
    kind: QuestionType, points: list[KeyPoint], text: str
) -> None:
    result = grade_open(question(kind, points), TextAnswer(text), space_words)
    assert Decimal(0) <= result.points <= result.max_points


@given(kinds, key_points, answers, st.data())
def test_adding_a_key_point_phrase_never_lowers_the_points(
    kind: QuestionType, points: list[KeyPoint], text: str, data: st.DataObject
) -> None:
    asked = question(kind, points)
    added = data.draw(st.sampled_from([p.point for p in points]))
    before = grade_open(asked, TextAnswer(text), space_words)
    after = grade_open(asked, TextAnswer(f"{text}。 {added}"), space_words)
    assert after.points >= before.points
    assert set(before.hits) <= set(after.hits)
