"""The mock exam report: every question counts, unanswered ones score nothing."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.domain.enums import QuestionType
from bot.domain.exams import Exam, Scored, next_unanswered, report
from bot.domain.questions import Question

START = datetime(2024, 9, 26, 1, 0, tzinfo=UTC)
QUESTIONS = {
    "S1": Question("S1", QuestionType.SINGLE, "?", options=("a", "b"), correct_options=(0,),
                   topics=("营商环境",)),
    "S2": Question("S2", QuestionType.SINGLE, "?", options=("a", "b"), correct_options=(1,),
                   topics=("12345热线",)),
    "E1": Question("E1", QuestionType.ESSAY, "?", reference_answer="…", topics=("营商环境",)),
}  # fmt: skip
MAXIMA = {QuestionType.SINGLE: Decimal(1), QuestionType.ESSAY: Decimal(20)}
EXAM = Exam(1, 7, ("S1", "S2", "E1"), START, START + timedelta(minutes=90))


def test_unanswered_questions_count_towards_the_maximum_and_score_nothing() -> None:
    answers = {"S1": Scored(Decimal(1), Decimal(1), True)}
    result = report(EXAM, QUESTIONS, answers, MAXIMA, START + timedelta(minutes=30))
    assert (result.points, result.max_points) == (Decimal(1), Decimal(22))
    assert (result.answered, result.asked) == (1, 3)
    assert result.wrong == ("S2", "E1")


def test_points_are_summed_by_type_and_by_topic() -> None:
    answers = {
        "S1": Scored(Decimal(1), Decimal(1), True),
        "E1": Scored(Decimal("12.5"), Decimal(20), False),
    }
    result = report(EXAM, QUESTIONS, answers, MAXIMA, START + timedelta(minutes=30))
    assert result.by_type[QuestionType.ESSAY] == (Decimal("12.5"), Decimal(20))
    assert result.by_topic["营商环境"] == (Decimal("13.5"), Decimal(21))


def test_time_used_stops_at_the_deadline() -> None:
    result = report(EXAM, QUESTIONS, {}, MAXIMA, START + timedelta(hours=5))
    assert result.used == timedelta(minutes=90)


def test_the_next_question_is_the_first_unanswered_in_order() -> None:
    assert next_unanswered(EXAM, ["S1", "E1"]) == "S2"
    assert next_unanswered(EXAM, ["S1", "S2", "E1"]) is None


def test_an_exam_is_over_at_its_deadline_or_when_finished() -> None:
    assert not EXAM.over(EXAM.deadline - timedelta(seconds=1))
    assert EXAM.over(EXAM.deadline)
