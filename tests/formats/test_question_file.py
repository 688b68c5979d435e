"""The question bank as a file of its own: written as the contest's Questions sheet, read back
from it alone, whatever else the file holds."""

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bot.domain.contest import ContestData
from bot.domain.problems import Sheet
from bot.formats.files import UnsupportedFormatError
from bot.formats.question_file import read_questions, write_questions
from tests.formats.workbooks import EditableWorkbook

FIRST_QUESTION = 2  # the workbook row of Q001, a single-choice question


def where(path: Path) -> list[tuple[Sheet | None, int | None, str | None, str]]:
    _, problems = read_questions(path)
    return [(p.sheet, p.row, p.column, p.message) for p in problems]


@pytest.mark.parametrize("suffix", [".xlsx", ".yaml", ".yml"])
def test_a_written_bank_reads_back_as_the_same_questions(
    tmp_path: Path, demo_data: ContestData, suffix: str
) -> None:
    path = tmp_path / f"questions{suffix}"
    write_questions(demo_data, path)
    questions, problems = read_questions(path)
    assert problems == []
    assert tuple(entry.item for entry in questions) == demo_data.questions


def test_the_workbook_holds_only_the_questions_sheet_as_the_contest_workbook_lays_it_out(
    tmp_path: Path, demo_data: ContestData, demo_export: Path
) -> None:
    path = tmp_path / "questions.xlsx"
    write_questions(demo_data, path)
    bank = load_workbook(path)
    assert bank.sheetnames == ["Questions"]
    contest = load_workbook(demo_export)["Questions"]
    assert list(bank["Questions"].values) == list(contest.values)
    assert all(cell.font.bold for cell in bank["Questions"][1])
    assert bank["Questions"].freeze_panes == "A2"


def test_the_questions_of_a_whole_contest_workbook_are_read(
    demo_export: Path, demo_data: ContestData
) -> None:
    questions, problems = read_questions(demo_export)
    assert problems == []
    assert tuple(entry.item for entry in questions) == demo_data.questions


def test_what_is_wrong_on_other_sheets_is_not_reported(workbook: EditableWorkbook) -> None:
    workbook.rename_header("People", "姓名", "名字")
    workbook.delete_sheet("Tracks")
    assert where(workbook.save()) == []


def test_a_missing_questions_sheet_is_reported(workbook: EditableWorkbook) -> None:
    workbook.delete_sheet("Questions")
    assert where(workbook.save()) == [(Sheet.QUESTIONS, None, None, "the sheet is missing")]


def test_a_questions_only_workbook_may_use_the_chinese_sheet_name(
    tmp_path: Path, demo_data: ContestData
) -> None:
    path = tmp_path / "questions.xlsx"
    write_questions(demo_data, path)
    bank = load_workbook(path)
    bank["Questions"].title = "题库"
    bank.save(path)
    assert len(read_questions(path)[0]) == len(demo_data.questions)


def test_an_unreadable_cell_is_reported_with_its_row_and_column(
    workbook: EditableWorkbook,
) -> None:
    workbook.set("Questions", FIRST_QUESTION, "答案", "A?")
    problems = where(workbook.save())
    assert [(sheet, row, column) for sheet, row, column, _ in problems] == [
        (Sheet.QUESTIONS, FIRST_QUESTION, "answer")
    ]


def test_an_unreadable_question_is_left_out(workbook: EditableWorkbook) -> None:
    workbook.set("Questions", FIRST_QUESTION, "题型", "猜谜")
    questions, problems = read_questions(workbook.save())
    assert [(p.row, p.column) for p in problems] == [(FIRST_QUESTION, "type")]
    assert "Q001" not in {entry.item.code for entry in questions}


def test_a_workbook_without_rows_reports_the_missing_columns(tmp_path: Path) -> None:
    empty = Workbook()
    assert empty.active is not None
    empty.active.title = "Questions"
    empty.save(tmp_path / "empty.xlsx")
    problems = where(tmp_path / "empty.xlsx")
    assert {message for *_, message in problems} == {"the required column '{header}' is missing"}


def test_only_workbooks_and_yaml_are_written(tmp_path: Path, demo_data: ContestData) -> None:
    with pytest.raises(UnsupportedFormatError):
        write_questions(demo_data, tmp_path / "questions.csv")
