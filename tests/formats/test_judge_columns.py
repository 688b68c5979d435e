"""The People sheet says what each judge scores; its cells read as lists of codes."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.domain.contest import ContestData, Person
from bot.domain.enums import Locale
from bot.domain.problems import Sheet
from bot.domain.validation import validate
from bot.formats.columns import SPECS
from bot.formats.export import to_document
from bot.formats.files import read_document, write_document
from bot.formats.parse import parse_document
from bot.formats.xlsx_writer import write_template
from bot.i18n import translator
from tests.formats.workbooks import CellValue, EditableWorkbook


def row_of(workbook: EditableWorkbook, code: str) -> int:
    codes = [cell.value for cell in workbook.sheet("People")["A"]]
    return codes.index(code) + 1


def judge_in(path: Path, code: str) -> Person:
    draft, problems = parse_document(read_document(path))
    assert problems == []
    assert validate(draft) == []
    return next(p for p in draft.to_data().people if p.code == code)


@pytest.mark.parametrize(
    ("tracks", "rounds", "expected"),
    [
        ("12345、window", None, (("12345", "window"), ())),
        ("window，12345", "SC-12345", (("window", "12345"), ("SC-12345",))),
        (12345, None, (("12345",), ())),  # typed as a number
        (12345.0, None, (("12345",), ())),
        ("window; window", None, (("window",), ())),  # each once
        (None, "SC-window\nSC-12345", ((), ("SC-window", "SC-12345"))),
        (None, None, ((), ())),
    ],
)
def test_a_judges_cells_read_as_codes(
    workbook: EditableWorkbook,
    tracks: CellValue,
    rounds: CellValue,
    expected: tuple[tuple[str, ...], tuple[str, ...]],
) -> None:
    row = row_of(workbook, "J1")
    workbook.set("People", row, "评审赛道", tracks)
    workbook.set("People", row, "评审环节", rounds)
    judge = judge_in(workbook.save(), "J1")
    assert (judge.judge_tracks, judge.judge_rounds) == expected


def test_the_demo_workbook_names_each_judges_track(workbook: EditableWorkbook) -> None:
    assert workbook.get("People", row_of(workbook, "J1"), "评审赛道") == "12345"
    assert workbook.get("People", row_of(workbook, "J7"), "评审赛道") == "window"


def test_a_round_assignment_survives_the_round_trip(
    tmp_path: Path, workbook: EditableWorkbook
) -> None:
    row = row_of(workbook, "J7")
    workbook.set("People", row, "评审赛道", "12345、window")
    workbook.set("People", row, "评审环节", "SC-12345")
    first = judge_in(workbook.save(), "J7")
    for suffix in (".xlsx", ".yaml"):
        draft, _ = parse_document(read_document(workbook.path))
        again = tmp_path / f"again{suffix}"
        write_document(to_document(draft.to_data()), again)
        assert judge_in(again, "J7") == first


def test_an_unknown_track_is_located_in_its_cell(workbook: EditableWorkbook) -> None:
    row = row_of(workbook, "J1")
    workbook.set("People", row, "评审赛道", "12345、hotline")
    draft, problems = parse_document(read_document(workbook.save()))
    assert problems == []
    (problem,) = validate(draft)
    assert (problem.row, problem.column, problem.params) == (
        row,
        "judge_tracks",
        {"value": "hotline"},
    )


def test_the_demo_splits_its_judges_between_the_tracks(demo_data: ContestData) -> None:
    judges = {p.code: p.judge_tracks for p in demo_data.people if p.judge_tracks}
    assert judges == {**{f"J{n}": ("12345",) for n in range(1, 5)},
                      **{f"J{n}": ("window",) for n in range(5, 8)}}  # fmt: skip


def test_the_template_explains_the_judge_columns_in_a_note(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    zh = translator(Locale.ZH_HANS)
    write_template(path, zh, "填写说明")
    notes = {cell.value: cell.comment for cell in load_workbook(path)["People"][1]}
    for key in ("judge_tracks", "judge_rounds"):
        column = SPECS[Sheet.PEOPLE].column(key)
        note = notes[column.header]
        assert note is not None
        assert note.text == zh(column.help)
