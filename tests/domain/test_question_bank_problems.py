"""The checks of a question bank on its own: codes, tracks and each question's own rules."""

from bot.domain.draft import Located
from bot.domain.enums import QuestionType
from bot.domain.problems import Problem, Sheet
from bot.domain.questions import Question
from bot.domain.validation import question_bank_problems

TRACKS = {"12345", "window"}


def single(code: str, track: str | None = None, answer: int = 0) -> Question:
    return Question(
        code,
        QuestionType.SINGLE,
        "题干",
        track_code=track,
        options=("甲", "乙", "丙", "丁"),
        correct_options=(answer,),
    )


def bank(*questions: Question) -> list[Located[Question]]:
    """The questions in rows 2, 3, ... as on the sheet."""
    return [Located(question, row) for row, question in enumerate(questions, start=2)]


def located(problems: list[Problem]) -> list[tuple[Sheet | None, int | None, str | None]]:
    return [(p.sheet, p.row, p.column) for p in problems]


def test_a_sound_bank_has_no_problems() -> None:
    assert question_bank_problems(bank(single("Q1"), single("Q2", "window")), TRACKS) == []


def test_an_empty_bank_has_no_problems() -> None:
    assert question_bank_problems([], TRACKS) == []


def test_a_code_used_twice_is_reported_on_its_second_row() -> None:
    problems = question_bank_problems(bank(single("Q1"), single("Q2"), single("Q1")), TRACKS)
    assert located(problems) == [(Sheet.QUESTIONS, 4, "code")]
    assert problems[0].params == {"code": "Q1", "first_row": 2}


def test_a_track_the_contest_does_not_have_is_reported() -> None:
    problems = question_bank_problems(bank(single("Q1", "nope")), TRACKS)
    assert located(problems) == [(Sheet.QUESTIONS, 2, "track")]
    assert problems[0].message == "track '{value}' does not exist"
    assert problems[0].params == {"value": "nope"}


def test_a_question_for_all_tracks_names_none() -> None:
    assert question_bank_problems(bank(single("Q1", None)), set()) == []


def test_tracks_are_not_checked_when_they_are_unknown() -> None:
    assert question_bank_problems(bank(single("Q1", "nope")), None) == []


def test_each_question_is_checked_against_the_rules_of_its_type() -> None:
    problems = question_bank_problems(bank(single("Q1"), single("Q2", answer=4)), TRACKS)
    assert located(problems) == [(Sheet.QUESTIONS, 3, "answer")]
    assert problems[0].message == "answer {letter} is not among the options"


def test_every_problem_is_reported_in_row_order() -> None:
    questions = bank(single("Q1", answer=7), single("Q2", "nope"), single("Q1"))
    problems = question_bank_problems(questions, TRACKS)
    assert located(problems) == [
        (Sheet.QUESTIONS, 2, "answer"),
        (Sheet.QUESTIONS, 3, "track"),
        (Sheet.QUESTIONS, 4, "code"),
    ]
