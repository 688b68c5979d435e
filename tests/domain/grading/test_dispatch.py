"""`grade` picks the rule for the question's type and refuses answers of the wrong shape."""

import pytest

from bot.domain.enums import QuestionType
from bot.domain.grading.answers import (
    Answer,
    BlankAnswers,
    ChoiceAnswer,
    TextAnswer,
    TruthAnswer,
)
from bot.domain.grading.grade import GradingError, grade
from bot.domain.questions import Question
from tests.domain.grading.builders import (
    fill_in,
    multiple,
    open_question,
    point,
    single,
    space_words,
    true_false,
)

QUESTIONS_AND_RIGHT_ANSWERS: list[tuple[Question, Answer]] = [
    (single(1), ChoiceAnswer.of(1)),
    (multiple(0, 2), ChoiceAnswer.of(2, 0)),
    (true_false(False), TruthAnswer(False)),
    (fill_in(("常态",), ("例外",)), BlankAnswers(("常态", "例外"))),
    (open_question(point("回访")), TextAnswer("回访")),
    (open_question(point("回访"), kind=QuestionType.ESSAY), TextAnswer("回访")),
]


@pytest.mark.parametrize(("question", "answer"), QUESTIONS_AND_RIGHT_ANSWERS)
def test_each_type_is_graded_by_its_own_rule(question: Question, answer: Answer) -> None:
    result = grade(question, answer, space_words)
    assert result.correct
    assert result.caveat is question.type.is_open


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (single(1), TruthAnswer(True)),
        (true_false(True), ChoiceAnswer.of(0)),
        (fill_in(("常态",)), TextAnswer("常态")),
        (open_question(point("回访")), BlankAnswers(("回访",))),
    ],
)
def test_an_answer_of_the_wrong_shape_is_refused(question: Question, answer: Answer) -> None:
    with pytest.raises(GradingError) as refused:
        grade(question, answer, space_words)
    assert refused.value.message == "this kind of answer does not fit a {type} question"
    assert refused.value.params == {"type": question.type.value}


def test_a_question_without_an_answer_key_is_refused() -> None:
    with pytest.raises(GradingError) as refused:
        grade(Question("T", QuestionType.TRUE_FALSE, "?"), TruthAnswer(True), space_words)
    assert refused.value.message == "this question has no answer key"
