"""A workbook is read within limits, streamed, whatever its `<dimension>` says; a file over a
limit is refused whole with one problem that names the limit and its setting."""

from dataclasses import replace
from pathlib import Path

import pytest

from bench.import_contest import scaled
from bot.domain.contest import ContestData
from bot.domain.enums import Locale
from bot.domain.problems import Sheet
from bot.domain.validation import validate
from bot.formats.export import to_document
from bot.formats.files import read_document
from bot.formats.limits import MEGABYTE, WorkbookLimits
from bot.formats.parse import parse_document
from bot.formats.problem_text import describe
from bot.formats.question_file import read_questions
from bot.formats.yaml_writer import write_yaml
from tests.formats.parts import BOMB_ROWS, edit_sheet, with_shared_strings, write_bomb
from tests.formats.workbooks import export_workbook

DIMENSION = r'<dimension ref="[^"]*" ?/>'


def refusal(path: Path, limits: WorkbookLimits) -> list[str]:
    document = read_document(path, limits)
    assert document.refused
    assert document.sheets == {}
    return [describe(problem, Locale.EN) for problem in document.problems]


@pytest.fixture(scope="session")
def bomb(demo_export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_bomb(demo_export, tmp_path_factory.mktemp("bomb") / "bomb.xlsx")


def test_the_bomb_is_refused_at_the_row_limit(bomb: Path) -> None:
    # Timing and memory: python -m bench.import_contest --bomb (nothing asserted on the clock).
    assert 4 * MEGABYTE < bomb.stat().st_size < 8 * MEGABYTE
    assert refusal(bomb, WorkbookLimits()) == [
        "People: more than 10000 rows (setting IMPORT_MAX_ROWS)"
    ]


def test_the_bomb_with_the_row_limit_raised_is_refused_at_the_cell_limit(bomb: Path) -> None:
    limits = WorkbookLimits(max_rows=BOMB_ROWS * 2)
    assert refusal(bomb, limits) == [
        "People row 199769: more than 200000 cells in the file (setting IMPORT_MAX_CELLS)"
    ]


@pytest.mark.parametrize("dimension", ["A1:B2", "A1:A1", "A1:XFD1048576", "nonsense"])
def test_rows_past_a_wrong_dimension_are_read(
    demo_export: Path, tmp_path: Path, demo_data: ContestData, dimension: str
) -> None:
    path = edit_sheet(
        demo_export, tmp_path / "c.xlsx", "People", DIMENSION, f'<dimension ref="{dimension}"/>'
    )
    draft, problems = parse_document(read_document(path))
    assert problems == validate(draft) == []
    assert len(draft.people) == len(demo_data.people)


def test_a_sheet_without_a_dimension_is_read_whole(
    demo_export: Path, tmp_path: Path, demo_data: ContestData
) -> None:
    path = edit_sheet(demo_export, tmp_path / "c.xlsx", "Schedule", DIMENSION, "")
    draft, _ = parse_document(read_document(path))
    assert len(draft.slots) == len(demo_data.slots)


def test_a_sheet_over_the_row_limit_is_refused_naming_the_sheet(demo_export: Path) -> None:
    assert refusal(demo_export, WorkbookLimits(max_rows=100)) == [
        "People: more than 100 rows (setting IMPORT_MAX_ROWS)"
    ]


@pytest.mark.parametrize(
    ("limits", "setting", "sheet"),
    [
        (WorkbookLimits(max_rows=100), "IMPORT_MAX_ROWS", Sheet.PEOPLE),
        (WorkbookLimits(max_columns=12), "IMPORT_MAX_COLUMNS", Sheet.QUESTIONS),
        (WorkbookLimits(max_cells=1000), "IMPORT_MAX_CELLS", Sheet.PEOPLE),
        (WorkbookLimits(max_file_bytes=20_000), "IMPORT_MAX_FILE_MB", None),
        (WorkbookLimits(max_unpacked_bytes=100_000), "IMPORT_MAX_UNPACKED_MB", None),
    ],
    ids=["rows", "columns", "cells", "file", "unpacked"],
)
def test_each_limit_refuses_the_whole_file_naming_its_setting(
    demo_export: Path, limits: WorkbookLimits, setting: str, sheet: Sheet | None
) -> None:
    [problem] = read_document(demo_export, limits).problems
    assert (problem.params["setting"], problem.sheet) == (setting, sheet)


def test_the_file_size_problem_gives_both_sizes(demo_export: Path) -> None:
    size = demo_export.stat().st_size / MEGABYTE
    assert refusal(demo_export, WorkbookLimits(max_file_bytes=MEGABYTE // 100)) == [
        f"the file is too large: {size:.2g} MB, at most 0.01 MB (setting IMPORT_MAX_FILE_MB)"
    ]


def test_a_refused_workbook_is_one_problem_and_nothing_else_after_parsing(
    demo_export: Path,
) -> None:
    draft, problems = parse_document(read_document(demo_export, WorkbookLimits(max_rows=100)))
    assert [*problems, *validate(draft)] == problems
    assert len(problems) == 1


def test_a_questions_import_is_refused_by_a_limit_in_any_sheet(demo_export: Path) -> None:
    questions, problems = read_questions(demo_export, WorkbookLimits(max_rows=100))
    assert questions == []
    assert [describe(p, Locale.EN) for p in problems] == [
        "People: more than 100 rows (setting IMPORT_MAX_ROWS)"
    ]


def test_a_yaml_file_over_the_size_limit_is_refused(demo_data: ContestData, tmp_path: Path) -> None:
    path = tmp_path / "contest.yaml"
    write_yaml(to_document(demo_data), path)
    assert refusal(path, WorkbookLimits(max_file_bytes=1000))[0].startswith("the file is too large")


def test_the_default_limits_hold_ten_times_the_demo(demo_data: ContestData, tmp_path: Path) -> None:
    ten_times = scaled(demo_data, 10)
    questions = tuple(
        replace(question, code=f"{question.code}x{copy}")
        for copy in range(10)
        for question in demo_data.questions
    )
    path = export_workbook(replace(ten_times, questions=questions), tmp_path / "big.xlsx")
    document = read_document(path, WorkbookLimits())
    assert not document.refused
    assert len(document.sheets[Sheet.QUESTIONS]) == 10 * len(demo_data.questions)


def test_a_workbook_saved_the_way_excel_saves_it_reads_like_the_export(
    demo_export: Path, tmp_path: Path
) -> None:
    excel = with_shared_strings(demo_export, tmp_path / "excel.xlsx")
    assert parse_document(read_document(excel)) == parse_document(read_document(demo_export))
