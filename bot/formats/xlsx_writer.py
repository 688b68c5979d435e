"""Writes contest workbooks: exports with data, and the empty template with dropdowns."""

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from bot.domain.problems import N_, Sheet
from bot.formats.columns import CONTEST_FIELDS, CONTEST_LAYOUT, OPTION_HEADERS, SHEETS, SheetSpec
from bot.formats.question_cells import ALTERNATIVE_SEPARATOR, BLANK_SEPARATOR

Translate = Callable[[str], str]
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
TEMPLATE_ROWS = 500


def write_workbook(document: dict[str, Any], path: Path) -> None:
    workbook = Workbook()
    _contest_sheet(workbook.active, document.get("Contest", {}))  # type: ignore[arg-type]
    for spec in SHEETS:
        _table(workbook.create_sheet(spec.sheet.value), spec, document.get(spec.sheet.value, []))
    workbook.save(path)


def write_sheet(spec: SheetSpec, rows: Sequence[dict[str, Any]], path: Path) -> None:
    """A workbook of this one sheet, laid out as in the contest workbook."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = spec.sheet.value
    _table(sheet, spec, rows)
    workbook.save(path)


def write_template(
    path: Path, translate: Translate, instructions_title: str, timezone: str = "Asia/Shanghai"
) -> None:
    workbook = Workbook()
    _contest_sheet(workbook.active, {"timezone": timezone}, translate)  # type: ignore[arg-type]
    for spec in SHEETS:
        sheet = workbook.create_sheet(spec.sheet.value)
        _header_row(sheet, _headers(spec))
        _annotate(sheet, spec, translate)
        _dropdowns(sheet, spec)
        _finish(sheet, spec)
    _instructions(workbook.create_sheet(instructions_title), translate)
    workbook.save(path)


def _headers(spec: SheetSpec) -> list[str]:
    headers: list[str] = []
    for column in spec.columns:
        if column.key == "options":
            headers.extend(OPTION_HEADERS)
        else:
            headers.append(column.header)
    return headers


def _table(sheet: Worksheet, spec: SheetSpec, rows: Sequence[dict[str, Any]]) -> None:
    _header_row(sheet, _headers(spec))
    for row in rows:
        sheet.append(_cells(spec, row))
    _finish(sheet, spec)


def _header_row(sheet: Worksheet, headers: Sequence[str]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL


def _finish(sheet: Worksheet, spec: SheetSpec) -> None:
    sheet.freeze_panes = "A2"
    for index, column in enumerate(sheet.columns, start=1):
        widest = max(len(str(cell.value or "")) for cell in column)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(12, widest * 1.6), 60)
    if spec.sheet is Sheet.SCHEDULE:
        start = _headers(spec).index(spec.column("starts_at").header) + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=start, max_col=start):
            cell.number_format = DATETIME_FORMAT


def _cells(spec: SheetSpec, row: dict[str, Any]) -> list[object]:
    cells: list[object] = []
    for column in spec.columns:
        value = row.get(column.key)
        if column.key == "options":
            options = list(value or [])
            cells.extend(options + [None] * (len(OPTION_HEADERS) - len(options)))
        else:
            cells.append(_cell(column.key, value))
    return cells


# Columns whose list is written into one cell, separated by 、 (the readers split on it).
LIST_CELLS = ("topics", "judge_tracks", "judge_rounds")


def _cell(key: str, value: object) -> object:
    if key == "key_points" and isinstance(value, list):
        return "\n".join(_key_point_cell(point) for point in value)
    if key == "answer" and isinstance(value, list):
        return BLANK_SEPARATOR.join(ALTERNATIVE_SEPARATOR.join(alts) for alts in value)
    if key in LIST_CELLS and isinstance(value, list):
        return "、".join(value)
    if isinstance(value, datetime | str | int | float) or value is None:
        return value
    return str(value)


def _key_point_cell(point: dict[str, Any]) -> str:
    synonyms = ALTERNATIVE_SEPARATOR.join(point["synonyms"])
    parts = [point["point"], str(point["weight"])] + ([synonyms] if synonyms else [])
    return f" {BLANK_SEPARATOR} ".join(parts)


def _contest_sheet(
    sheet: Worksheet, values: dict[str, Any], translate: Translate | None = None
) -> None:
    sheet.title = Sheet.CONTEST.value
    _header_row(sheet, [column.header for column in CONTEST_LAYOUT])
    for column in CONTEST_FIELDS.columns:
        # Examples go in notes only: a value left in the sheet would import as real data.
        sheet.append([column.header, values.get(column.key)])
        if translate:
            sheet.cell(row=sheet.max_row, column=1).comment = Comment(translate(column.help), "")
            if column.example and column.key not in values:
                note = f"{translate(N_('Example'))}: {column.example}"
                sheet.cell(row=sheet.max_row, column=2).comment = Comment(note, "")
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 50


def _annotate(sheet: Worksheet, spec: SheetSpec, translate: Translate) -> None:
    for cell in sheet[1]:
        column = next((c for c in spec.columns if c.header == cell.value), None)
        if column is not None:
            note = translate(column.help)
            if column.example:
                note += f"\n{translate(N_('Example'))}: {column.example}"
            cell.comment = Comment(note, "")


def _dropdowns(sheet: Worksheet, spec: SheetSpec) -> None:
    headers = _headers(spec)
    for column in spec.columns:
        if column.choices:
            formula = '"' + ",".join(column.choices) + '"'
        elif column.refers_to is not None:
            formula = f"{column.refers_to.value}!$A$2:$A${TEMPLATE_ROWS}"
        else:
            continue
        letter = get_column_letter(headers.index(column.header) + 1)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
        sheet.add_data_validation(validation)


def _instructions(sheet: Worksheet, translate: Translate) -> None:
    titles = (N_("Sheet"), N_("Column"), N_("Required"), N_("Meaning"), N_("Example"))
    _header_row(sheet, [translate(title) for title in titles])
    for spec in (CONTEST_FIELDS, *SHEETS):
        for column in spec.columns:
            required = translate(N_("yes")) if column.required else ""
            sheet.append(
                [spec.sheet.value, column.header, required, translate(column.help), column.example]
            )
    for letter, width in zip("ABCDE", (12, 16, 8, 70, 30), strict=True):
        sheet.column_dimensions[letter].width = width
