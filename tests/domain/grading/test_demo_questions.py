"""Every demo question gives full points to its own answer and nothing to a blank one."""

import pytest

from bot.domain.contest import ContestData
from bot.domain.enums import QuestionType
from bot.domain.grading.answers import (
    Answer,
    BlankAnswers,
    ChoiceAnswer,
    TextAnswer,
    TruthAnswer,
    split_blanks,
)
from bot.domain.grading.grade import grade
from bot.domain.questions import Question
from tests.domain.grading.builders import space_words


def key_answer(question: Question) -> Answer:
    if question.type.has_options:
        return ChoiceAnswer(frozenset(question.correct_options))
    if question.type is QuestionType.TRUE_FALSE:
        return TruthAnswer(bool(question.truth))
    if question.type is QuestionType.FILL_IN:
        return BlankAnswers(tuple(accepted[0] for accepted in question.blanks))
    return TextAnswer(question.reference_answer)


def blank_answer(question: Question) -> Answer:
    if question.type is QuestionType.FILL_IN:
        return BlankAnswers(("",) * len(question.blanks))
    if question.type.is_open:
        return TextAnswer("")
    return ChoiceAnswer(frozenset())


def test_the_demo_has_questions_of_every_type(demo_data: ContestData) -> None:
    assert {q.type for q in demo_data.questions} == set(QuestionType)


def test_each_demo_question_gives_its_own_answer_full_points(demo_data: ContestData) -> None:
    short = [
        q.code for q in demo_data.questions if not grade(q, key_answer(q), space_words).correct
    ]
    assert short == []


def test_each_demo_fill_in_accepts_every_alternative_typed_on_one_line(
    demo_data: ContestData,
) -> None:
    for question in (q for q in demo_data.questions if q.type is QuestionType.FILL_IN):
        for alternative in range(max(len(accepted) for accepted in question.blanks)):
            texts = [accepted[min(alternative, len(accepted) - 1)] for accepted in question.blanks]
            line = "；".join(texts)
            answer = BlankAnswers(split_blanks(line, len(question.blanks)))
            assert grade(question, answer, space_words).correct, (question.code, line)


def test_a_blank_answer_to_a_demo_question_scores_zero(demo_data: ContestData) -> None:
    scored = [
        q.code
        for q in demo_data.questions
        if q.type is not QuestionType.SINGLE
        and q.type is not QuestionType.TRUE_FALSE
        and grade(q, blank_answer(q), space_words).points != 0
    ]
    assert scored == []


@pytest.mark.parametrize("kind", [QuestionType.SHORT_ANSWER, QuestionType.ESSAY])
def test_an_answer_that_only_repeats_the_stem_scores_below_full(
    demo_data: ContestData, kind: QuestionType
) -> None:
    questions = [q for q in demo_data.questions if q.type is kind]
    assert questions
    assert not any(grade(q, TextAnswer(q.stem), space_words).correct for q in questions)
