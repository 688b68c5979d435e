"""Every text column has a length limit and every number column a range, reported by sheet,
row and column before anything reaches the database; a formula is refused cell by cell."""

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft
from bot.domain.enums import Locale
from bot.domain.problems import Problem, Sheet
from bot.domain.validation import validate
from bot.formats.cells import CellReader
from bot.formats.columns import SPECS
from bot.formats.document import RawRow
from bot.formats.files import read_document
from bot.formats.parse import parse_document
from bot.formats.problem_text import describe
from bot.formats.yaml_reader import document_from_mapping
from bot.services.contest_import import import_contest
from bot.views import BotViews
from storage.database import Database
from tests.formats.workbooks import EditableWorkbook

FIRST_PERSON = 2  # People row 2: H01-1, a contestant of H01


def problems_of(path: Path) -> list[str]:
    draft, problems = parse_document(read_document(path))
    found = sorted([*problems, *validate(draft)], key=lambda p: p.sort_key)
    return [describe(problem, Locale.EN) for problem in found]


def test_a_30000_character_name_is_refused_with_its_sheet_row_and_column(
    workbook: EditableWorkbook,
) -> None:
    workbook.set("People", FIRST_PERSON, "姓名", "张" * 30_000)
    assert problems_of(workbook.save()) == [
        "People row 2, column name: 30000 characters; at most 100"
    ]


def test_a_too_long_name_is_described_in_chinese(workbook: EditableWorkbook) -> None:
    workbook.set("People", FIRST_PERSON, "姓名", "张" * 101)
    _draft, problems = parse_document(read_document(workbook.save()))
    assert [describe(problem, Locale.ZH_HANS) for problem in problems] == [
        "People（人员）表第 2 行“姓名”列：共 101 个字符，最多 100 个"
    ]


# (sheet, row, header, limit): a sample of the documented limits, one per kind of column.
LIMITS = [
    ("People", FIRST_PERSON, "姓名", 100),
    ("Teams", 2, "队名", 100),
    ("Teams", 2, "单位", 100),
    ("Venues", 2, "地址", 200),
    ("Venues", 2, "指引", 1000),
    ("Rounds", 2, "英文名称", 100),
    ("Questions", 2, "题干", 2000),
    ("Questions", 2, "解析", 2000),
    ("Questions", 2, "选项A", 200),
]


@pytest.mark.parametrize(("sheet", "row", "header", "limit"), LIMITS)
def test_a_cell_of_exactly_the_limit_is_accepted(
    workbook: EditableWorkbook, sheet: str, row: int, header: str, limit: int
) -> None:
    original = str(workbook.get(sheet, row, header) or "")
    workbook.set(sheet, row, header, (original + "字" * limit)[:limit])
    assert not [line for line in problems_of(workbook.save()) if "characters" in line]


# A code over its limit: other sheets' references to it are not reported on top.
@pytest.mark.parametrize(
    ("sheet", "row", "header", "limit"), [*LIMITS, ("People", FIRST_PERSON, "编号", 32)]
)
def test_a_cell_over_the_limit_is_one_problem_at_that_cell(
    workbook: EditableWorkbook, sheet: str, row: int, header: str, limit: int
) -> None:
    workbook.set(sheet, row, header, "字" * (limit + 1))
    _draft, problems = parse_document(read_document(workbook.save()))
    assert [(p.message, p.params["length"], p.sheet, p.row) for p in problems] == [
        ("{length} characters; at most {limit}", limit + 1, Sheet(sheet), row)
    ]


def test_every_column_has_a_limit_that_fits_the_database() -> None:
    # Codes are String(64) and names String(200); the longest cells go to Text columns.
    for spec in SPECS.values():
        for column in spec.columns:
            assert 0 < column.max_length <= 2000, (spec.sheet, column.key)


@pytest.mark.parametrize(
    ("header", "value", "expected"),
    [
        ("座次", 10**12, "'1000000000000' is out of range: at most 99"),
        ("座次", -(10**12), "'-1000000000000' is out of range: at most 99"),
        ("座次", "9" * 50, f"'{'9' * 50}' is out of range: at most 99"),
    ],
)
def test_a_number_out_of_range_is_refused_before_the_database(
    workbook: EditableWorkbook, header: str, value: int | str, expected: str
) -> None:
    workbook.set("People", FIRST_PERSON, header, value)
    assert problems_of(workbook.save()) == [f"People row 2, column seat: {expected}"]


def test_a_duration_of_ten_to_the_twentieth_minutes_is_refused_not_overflowed(
    workbook: EditableWorkbook,
) -> None:
    workbook.set("Schedule", 10, "时长（分钟）", 10**20)
    assert problems_of(workbook.save()) == [
        f"Schedule row 10, column duration: '{10**20}' is out of range: at most 1440"
    ]


def test_yaml_cells_have_the_same_limits(demo_document_mapping: dict[str, Any]) -> None:
    people = demo_document_mapping["People"]
    assert isinstance(people, list)
    people[0] = {**people[0], "name": "x" * 30_000}
    _draft, problems = parse_document(document_from_mapping(demo_document_mapping))
    assert [describe(problem, Locale.EN) for problem in problems] == [
        "People row 1, column name: 30000 characters; at most 100"
    ]


def test_a_yaml_list_counts_as_its_items_joined(
    demo_document_mapping: dict[str, Any],
) -> None:
    questions = demo_document_mapping["Questions"]
    assert isinstance(questions, list)
    questions[0] = {**questions[0], "topics": ["话题" * 10] * 20}
    _, problems = parse_document(document_from_mapping(demo_document_mapping))
    assert [(p.sheet, p.row, p.column, p.params.get("limit")) for p in problems] == [
        (Sheet.QUESTIONS, 1, "topics", 200)
    ]


@given(st.text(max_size=150))
def test_a_name_is_refused_exactly_when_its_trimmed_text_is_over_100_characters(
    text: str,
) -> None:
    problems: list[Problem] = []
    cells = CellReader(Sheet.PEOPLE, RawRow(2, {"name": text}), problems)
    cells.text("name")
    assert bool(problems) == (len(text.strip()) > 100)
    assert cells.failed == bool(problems)


async def test_a_too_long_name_leaves_the_database_unchanged_on_either_database(
    database: Database, demo_export: Path, workbook: EditableWorkbook
) -> None:
    assert (
        await import_contest(database.unit_of_work, *_read(demo_export), views=BotViews())
    ).applied
    workbook.set("People", FIRST_PERSON, "姓名", "张" * 30_000)

    result = await import_contest(database.unit_of_work, *_read(workbook.save()), views=BotViews())

    assert not result.applied
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [(Sheet.PEOPLE, 2, "name")]
    async with database.unit_of_work() as uow:
        loaded = await uow.contest.load()
    assert loaded is not None
    assert loaded.people[0].name != "张" * 30_000


async def test_a_name_of_exactly_100_chinese_characters_is_stored_on_either_database(
    database: Database, demo_data: ContestData, workbook: EditableWorkbook
) -> None:
    workbook.set("People", FIRST_PERSON, "姓名", "张" * 100)
    result = await import_contest(database.unit_of_work, *_read(workbook.save()), views=BotViews())
    assert result.problems == []
    assert result.applied
    async with database.unit_of_work() as uow:
        loaded = await uow.contest.load()
    assert loaded is not None
    assert "张" * 100 in [person.name for person in loaded.people]


def _read(path: Path) -> tuple[ContestDraft, list[Problem]]:
    return parse_document(read_document(path))


@pytest.mark.parametrize(
    "value", ["0001-01-01 00:00", "9999-12-31 23:59", "0001-01-01T00:00+14:00", "1899-12-31 08:00"]
)
def test_a_start_time_far_from_any_contest_is_refused_not_overflowed(
    demo_document_mapping: dict[str, Any], value: str
) -> None:
    schedule = demo_document_mapping["Schedule"]
    schedule[0] = {**schedule[0], "starts_at": value}
    _, problems = parse_document(document_from_mapping(demo_document_mapping))
    assert [describe(problem, Locale.EN) for problem in problems] == [
        f"Schedule row 1, column starts_at: '{value}' is not a date and time (YYYY-MM-DD HH:MM)"
    ]
