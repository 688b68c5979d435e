"""Export, read back, get the same contest; both spellings of sheets and headers are read."""

from pathlib import Path
from typing import Any

import pytest

from bot.domain.contest import ContestData
from bot.domain.validation import validate
from bot.formats.columns import (
    CONTEST_FIELDS,
    CONTEST_LAYOUT,
    OPTION_HEADERS,
    OPTION_KEYS,
    SHEETS,
    SPECS,
    SheetSpec,
)
from bot.formats.export import to_document
from bot.formats.files import read_document, write_document
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from tests.formats.workbooks import EditableWorkbook


def read_back(path: Path) -> ContestData:
    """Reads a file that must be free of problems and returns its contest."""
    draft, problems = parse_document(read_document(path))
    assert problems == []
    assert validate(draft) == []
    return draft.to_data()


@pytest.mark.parametrize("suffix", [".xlsx", ".yaml", ".yml"])
def test_an_export_reads_back_as_the_same_contest(
    tmp_path: Path, demo_data: ContestData, suffix: str
) -> None:
    path = tmp_path / f"contest{suffix}"
    write_document(to_document(demo_data), path)
    assert read_back(path) == demo_data


def test_the_round_trip_keeps_every_question_type_and_answer(
    tmp_path: Path, demo_data: ContestData
) -> None:
    # Equality above covers this; this spells out the notations that travel through cells.
    path = tmp_path / "contest.xlsx"
    write_document(to_document(demo_data), path)
    by_code = {q.code: q for q in read_back(path).questions}
    for question in demo_data.questions:
        back = by_code[question.code]
        assert (back.correct_options, back.truth, back.blanks) == (
            question.correct_options,
            question.truth,
            question.blanks,
        )
        assert back.key_points == question.key_points
    assert {q.type for q in demo_data.questions} == {q.type for q in by_code.values()}


def _english_headers(spec: SheetSpec) -> dict[str, str]:
    """Chinese header -> English key, the option columns one by one."""
    headers = {column.header: column.key for column in spec.columns if column.key != "options"}
    return headers | dict(zip(OPTION_HEADERS, OPTION_KEYS, strict=True))


@pytest.mark.parametrize("spec", SHEETS, ids=lambda spec: spec.sheet.value)
def test_english_keys_are_accepted_as_headers(
    workbook: EditableWorkbook, demo_data: ContestData, spec: SheetSpec
) -> None:
    name = spec.sheet.value
    renamed = 0
    for header, key in _english_headers(spec).items():
        if header in workbook.headers(name):
            workbook.rename_header(name, header, key)
            renamed += 1
    assert renamed == len(workbook.headers(name))
    assert read_back(workbook.save()) == demo_data


def test_english_keys_are_accepted_as_contest_fields(
    workbook: EditableWorkbook, demo_data: ContestData
) -> None:
    contest = workbook.sheet("Contest")
    keys = {column.header: column.key for column in (*CONTEST_LAYOUT, *CONTEST_FIELDS.columns)}
    for cell in (*contest["A"], contest["B1"]):
        cell.value = keys[str(cell.value)]
    field_keys = [column.key for column in CONTEST_FIELDS.columns]
    assert [cell.value for cell in contest["A"]] == ["field", *field_keys]
    assert contest["B1"].value == "value"
    assert read_back(workbook.save()) == demo_data


@pytest.mark.parametrize("spec", [CONTEST_FIELDS, *SHEETS], ids=lambda spec: spec.title)
def test_a_sheet_named_by_its_chinese_title_is_accepted(
    workbook: EditableWorkbook, demo_data: ContestData, spec: SheetSpec
) -> None:
    workbook.rename_sheet(spec.sheet.value, spec.title)
    assert read_back(workbook.save()) == demo_data


def test_a_workbook_entirely_in_chinese_is_accepted(
    workbook: EditableWorkbook, demo_data: ContestData
) -> None:
    for spec in (CONTEST_FIELDS, *SHEETS):
        workbook.rename_sheet(spec.sheet.value, spec.title)
    assert workbook.sheet("人员")["A1"].value == "编号"
    assert read_back(workbook.save()) == demo_data


@pytest.mark.parametrize(
    ("sheet", "name"),
    [("Rounds", "环节"), ("Schedule", "赛程"), ("People", "people"), ("Questions", " 题库 ")],
)
def test_sheet_aliases_case_and_spaces_are_accepted(
    workbook: EditableWorkbook, demo_data: ContestData, sheet: str, name: str
) -> None:
    workbook.rename_sheet(sheet, name)
    assert read_back(workbook.save()) == demo_data


def _chinese_document(document: dict[str, Any]) -> dict[str, Any]:
    """The export document with Chinese sheet titles and Chinese headers as YAML keys."""
    result: dict[str, Any] = {}
    for name, section in document.items():
        spec = SPECS[next(sheet for sheet in SPECS if sheet.value == name)]
        headers = {column.key: column.header for column in spec.columns}
        if isinstance(section, dict):
            result[spec.title] = {headers[key]: value for key, value in section.items()}
        else:
            result[spec.title] = [{headers[k]: v for k, v in row.items()} for row in section]
    return result


def test_chinese_headers_are_accepted_as_yaml_keys(demo_data: ContestData) -> None:
    document = _chinese_document(to_document(demo_data))
    assert "人员" in document
    assert "姓名" in document["人员"][0]
    draft, problems = parse_document(document_from_mapping(document))
    assert problems == []
    assert draft.to_data() == demo_data


def test_yaml_rows_with_one_key_per_option_keep_every_option() -> None:
    document = {
        "Contest": {"name": "赛事", "timezone": "Asia/Shanghai"},
        **{spec.sheet.value: [] for spec in SHEETS},
        "Questions": [
            {
                "编号": "Q1",
                "题型": "单选",
                "题干": "哪一个?",
                "选项A": "甲",
                "选项B": "乙",
                "答案": "B",
            }
        ],
    }
    draft, problems = parse_document(document_from_mapping(document))
    assert problems == []
    assert draft.questions[0].item.options == ("甲", "乙")
