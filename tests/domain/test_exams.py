"""The mock exam report: every question counts, unanswered ones score nothing."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

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


# Whatever the clock does, the time left and the time used stay within the paper's time.

JUMPS = st.timedeltas(min_value=timedelta(days=-3000), max_value=timedelta(days=3000))
PAPER = EXAM.deadline - EXAM.started_at


@given(JUMPS)
def test_the_time_left_is_never_negative_nor_more_than_the_paper(jump: timedelta) -> None:
    assert timedelta(0) <= EXAM.time_left(START + jump) <= PAPER


@given(st.timedeltas(min_value=timedelta(0), max_value=PAPER))
def test_while_the_exam_runs_the_time_left_is_what_remains_to_the_deadline(
    elapsed: timedelta,
) -> None:
    assert EXAM.time_left(START + elapsed) == PAPER - elapsed


@given(JUMPS)
def test_an_exam_ends_between_its_start_and_its_deadline(jump: timedelta) -> None:
    assert EXAM.started_at <= EXAM.ended_at(START + jump) <= EXAM.deadline


def test_time_used_is_nothing_when_the_clock_went_back_before_the_start() -> None:
    result = report(EXAM, QUESTIONS, {}, MAXIMA, START - timedelta(days=800))
    assert result.used == timedelta(0)
