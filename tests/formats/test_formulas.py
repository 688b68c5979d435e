"""A formula in any cell is refused, naming the cell: the reader never guesses its value."""

from pathlib import Path

import pytest

from bot.domain.enums import Locale
from bot.domain.problems import Problem
from bot.domain.validation import validate
from bot.formats.files import read_document
from bot.formats.parse import parse_document
from bot.formats.problem_text import describe
from bot.formats.question_file import read_questions
from tests.formats.workbooks import EditableWorkbook


def described(path: Path, locale: Locale = Locale.EN) -> list[str]:
    draft, problems = parse_document(read_document(path))
    found: list[Problem] = sorted([*problems, *validate(draft)], key=lambda p: p.sort_key)
    return [describe(problem, locale) for problem in found]


@pytest.mark.parametrize(
    ("sheet", "row", "header", "where"),
    [
        ("People", 2, "姓名", "People row 2, column name: cell B2"),  # not also "required"
        ("People", 2, "座次", "People row 2, column seat: cell E2"),  # not stored as empty
        ("Venues", 3, "地址", "Venues row 3, column address: cell D3"),
        ("Questions", 2, "选项B", "Questions row 2, column options: cell F2"),
    ],
)
def test_a_formula_is_one_problem_naming_its_cell(
    workbook: EditableWorkbook, sheet: str, row: int, header: str, where: str
) -> None:
    workbook.set(sheet, row, header, "=1+1")
    assert described(workbook.save()) == [f"{where} holds a formula; paste it as values"]


def test_a_formula_in_a_contest_field_names_the_value_cell(workbook: EditableWorkbook) -> None:
    workbook.set("Contest", 2, "内容", '=CONCAT("A","B")')
    assert described(workbook.save()) == [
        "Contest row 2, column value: cell B2 holds a formula; paste it as values"
    ]


def test_a_formula_outside_the_known_columns_is_still_refused(
    workbook: EditableWorkbook,
) -> None:
    workbook.sheet("Tracks").cell(row=3, column=9).value = "=A3"
    assert described(workbook.save()) == [
        "Tracks row 3: cell I3 holds a formula; paste it as values"
    ]


def test_a_formula_is_described_in_chinese(workbook: EditableWorkbook) -> None:
    workbook.set("People", 2, "姓名", "=A1")
    assert described(workbook.save(), Locale.ZH_HANS) == [
        "People（人员）表第 2 行“姓名”列：B2 单元格是公式，请粘贴为数值"
    ]


def test_text_that_starts_with_an_equals_sign_is_text_not_a_formula(
    workbook: EditableWorkbook,
) -> None:
    cell = workbook.sheet("Venues").cell(row=3, column=workbook.column("Venues", "指引"))
    cell.value = "=出电梯右转"
    cell.data_type = "s"
    draft, problems = parse_document(read_document(workbook.save()))
    assert problems == []
    assert draft.venues[1].item.directions == "=出电梯右转"


def test_a_questions_import_refuses_a_formula_too(workbook: EditableWorkbook) -> None:
    workbook.set("Questions", 3, "答案", "=B3")
    _questions, problems = read_questions(workbook.save())
    assert [describe(problem, Locale.EN) for problem in problems] == [
        "Questions row 3, column answer: cell M3 holds a formula; paste it as values"
    ]
