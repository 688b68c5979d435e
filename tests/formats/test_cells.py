"""Reading single cells: start times in the contest's zone, and answers in every notation."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook

from bot.domain.enums import Locale, QuestionType
from bot.domain.problems import Problem, Sheet
from bot.domain.questions import KeyPoint, Question
from bot.formats.cells import CellReader
from bot.formats.document import RawRow
from bot.formats.problem_text import describe
from bot.formats.question_cells import read_question

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROW = 5
# 08:30 in Shanghai (UTC+8) is 00:30 UTC.
HALF_PAST_EIGHT = datetime(2024, 9, 26, 0, 30, tzinfo=UTC)
# Spreadsheet cells know no time zone: openpyxl gives naive wall-clock datetimes.
NAIVE_HALF_PAST_EIGHT = datetime(2024, 9, 26, 8, 30)  # noqa: DTZ001


def read_start(value: object) -> tuple[datetime | None, list[Problem]]:
    problems: list[Problem] = []
    cells = CellReader(Sheet.SCHEDULE, RawRow(ROW, {"starts_at": value}), problems)
    return cells.moment("starts_at", SHANGHAI), problems


def _openpyxl_datetime_cell(tmp_path: Path) -> object:
    """What openpyxl hands over for a date-formatted cell: a naive datetime."""
    path = tmp_path / "cell.xlsx"
    workbook = Workbook()
    workbook.active["A1"] = NAIVE_HALF_PAST_EIGHT  # type: ignore[index]
    workbook.active["A1"].number_format = "yyyy-mm-dd hh:mm"  # type: ignore[index]
    workbook.save(path)
    loaded = load_workbook(path, read_only=True, data_only=True)
    value = next(loaded.active.iter_rows(values_only=True))[0]  # type: ignore[union-attr]
    loaded.close()
    return value


def test_a_datetime_cell_of_a_workbook_is_local_time_of_the_contest(tmp_path: Path) -> None:
    value = _openpyxl_datetime_cell(tmp_path)
    assert isinstance(value, datetime)
    assert value.tzinfo is None
    assert read_start(value) == (HALF_PAST_EIGHT, [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NAIVE_HALF_PAST_EIGHT, HALF_PAST_EIGHT),
        ("2024-09-26 08:30", HALF_PAST_EIGHT),
        ("2024/9/26 8:30", HALF_PAST_EIGHT),
        ("2024年9月26日 08:30", HALF_PAST_EIGHT),
        ("2024.09.26 08:30", HALF_PAST_EIGHT),
        ("  2024-09-26 08:30  ", HALF_PAST_EIGHT),
        # An explicit offset wins over the contest's zone: 08:30 at UTC+9 is 23:30 UTC.
        ("2024-09-26T08:30+09:00", datetime(2024, 9, 25, 23, 30, tzinfo=UTC)),
        ("2024-09-26T08:30Z", datetime(2024, 9, 26, 8, 30, tzinfo=UTC)),
        ("2024-09-27 00:10", datetime(2024, 9, 26, 16, 10, tzinfo=UTC)),
    ],
)
def test_a_start_time_is_read_as_a_utc_instant(value: object, expected: datetime) -> None:
    moment, problems = read_start(value)
    assert problems == []
    assert moment == expected
    assert moment is not None
    assert moment.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("tomorrow", "'tomorrow' is not a date and time (YYYY-MM-DD HH:MM)"),
        ("26.09.2024 25:00", "'26.09.2024 25:00' is not a date and time (YYYY-MM-DD HH:MM)"),
        ("2024-09-26 25:00", "'2024-09-26 25:00' is not a date and time (YYYY-MM-DD HH:MM)"),
        ("2024-02-30 08:30", "'2024-02-30 08:30' is not a date and time (YYYY-MM-DD HH:MM)"),
        (45561.35, "'45561.35' is not a date and time (YYYY-MM-DD HH:MM)"),
        ("", "a value is required"),
        ("   ", "a value is required"),
        (None, "a value is required"),
    ],
)
def test_an_invalid_start_time_is_a_located_problem(value: object, message: str) -> None:
    moment, problems = read_start(value)
    assert moment is None
    assert [describe(p, Locale.EN) for p in problems] == [
        f"Schedule row {ROW}, column starts_at: {message}"
    ]


def test_an_invalid_start_time_is_described_in_chinese() -> None:
    _, problems = read_start("tomorrow")
    assert [describe(p, Locale.ZH_HANS) for p in problems] == [
        "Schedule（日程）表第 5 行“开始时间”列：“tomorrow”不是日期时间（格式 YYYY-MM-DD HH:MM）"
    ]


def test_a_start_time_without_a_time_of_day_is_rejected() -> None:
    moment, problems = read_start("2024-09-26")
    assert moment is None
    assert len(problems) == 1


def read_answer(type_label: str, answer: object, **extra: object) -> tuple[Question, list[Problem]]:
    problems: list[Problem] = []
    values = {"code": "Q1", "type": type_label, "stem": "题干", "answer": answer, **extra}
    question = read_question(CellReader(Sheet.QUESTIONS, RawRow(ROW, values), problems))
    assert question is not None
    return question, problems


FOUR_OPTIONS = ["甲", "乙", "丙", "丁"]


@pytest.mark.parametrize("answer", ["AC", "A,C", "a、c", "C A", "A，C", "a;c", "ACA"])
def test_option_letters_in_any_notation_give_option_indices(answer: str) -> None:
    question, problems = read_answer("多选", answer, options=FOUR_OPTIONS)
    assert problems == []
    assert question.type is QuestionType.MULTIPLE
    assert question.correct_options == (0, 2)


@pytest.mark.parametrize("answer", ["A1", "X", "甲", "A C?"])
def test_something_other_than_option_letters_is_a_problem(answer: str) -> None:
    question, problems = read_answer("单选", answer, options=FOUR_OPTIONS)
    assert question.correct_options == ()
    assert [describe(p, Locale.EN) for p in problems] == [
        f"Questions row {ROW}, column answer: '{answer}' is not a list of option letters"
    ]


@pytest.mark.parametrize(
    ("answer", "truth"),
    [
        ("对", True),
        ("错", False),
        ("√", True),
        ("×", False),
        ("true", True),
        ("false", False),
        ("TRUE", True),
        ("正确", True),
        ("错误", False),
        (True, True),
        (False, False),
    ],
)
def test_true_and_false_words(answer: object, truth: bool) -> None:
    question, problems = read_answer("判断", answer)
    assert problems == []
    assert question.truth is truth


def test_a_word_that_is_neither_true_nor_false_is_a_problem() -> None:
    question, problems = read_answer("判断", "也许")
    assert question.truth is None
    assert [describe(p, Locale.EN) for p in problems] == [
        f"Questions row {ROW}, column answer: '也许' is neither true nor false"
    ]


@pytest.mark.parametrize(
    ("answer", "blanks"),
    [
        ("当场办结/现场办结|一次办结", (("当场办结", "现场办结"), ("一次办结",))),
        (" 当场办结 / 现场办结 | 一次办结 ", (("当场办结", "现场办结"), ("一次办结",))),
        ("一次办结", (("一次办结",),)),
        # In YAML the same answer is a list of blanks, each a list of alternatives.
        ([["当场办结", "现场办结"], ["一次办结"]], (("当场办结", "现场办结"), ("一次办结",))),
        (["当场办结/现场办结", "一次办结"], (("当场办结", "现场办结"), ("一次办结",))),
    ],
)
def test_fill_in_answers_are_blanks_with_alternatives(
    answer: object, blanks: tuple[tuple[str, ...], ...]
) -> None:
    question, problems = read_answer("填空", answer)
    assert problems == []
    assert question.blanks == blanks


def test_key_point_cell_lines_are_point_weight_and_synonyms() -> None:
    cell = "一次性告知 | 2 | 一次告知/一次性通知\n容缺受理\n\n限时办结 | 1.5"
    question, problems = read_answer("简答", "参考答案", key_points=cell)
    assert problems == []
    assert question.reference_answer == "参考答案"
    assert question.key_points == (
        KeyPoint("一次性告知", 2.0, ("一次告知", "一次性通知")),
        KeyPoint("容缺受理", 1.0, ()),
        KeyPoint("限时办结", 1.5, ()),
    )


def test_key_points_in_yaml_are_mappings() -> None:
    points = [{"point": "一次性告知", "weight": 2, "synonyms": ["一次告知", "一次性通知"]}]
    question, problems = read_answer("论述", "参考答案", key_points=points)
    assert problems == []
    assert question.key_points == (KeyPoint("一次性告知", 2.0, ("一次告知", "一次性通知")),)


def test_a_key_point_with_a_weight_that_is_no_number_is_a_problem() -> None:
    question, problems = read_answer("简答", "参考答案", key_points="一次性告知 | 很重要")
    assert question.key_points == ()
    assert [describe(p, Locale.EN) for p in problems] == [
        f"Questions row {ROW}, column key_points: '很重要' is not a weight"
    ]
