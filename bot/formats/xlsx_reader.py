"""Reads a contest workbook (.xlsx). Row numbers in problems are the spreadsheet's own."""

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from bot.domain.problems import N_, Problem, Sheet
from bot.formats.columns import CONTEST_FIELDS, CONTEST_LAYOUT, SHEETS, SheetSpec
from bot.formats.document import RawDocument, RawRow
from bot.formats.headers import HeaderMap, find_sheet, fold_options, missing_sheet, normalise
from bot.formats.yaml_reader import UnreadableFileError

Cells = Sequence[object]


def read_workbook(path: Path) -> RawDocument:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise UnreadableFileError(str(error)) from error
    document = RawDocument()
    try:
        for spec in (CONTEST_FIELDS, *SHEETS):
            name = find_sheet(spec, workbook.sheetnames)
            if name is None:
                document.problems.append(missing_sheet(spec))
                continue
            sheet = workbook[name]
            rows = list(_non_empty_rows(sheet.iter_rows(values_only=True)))
            if spec is CONTEST_FIELDS:
                document.sheets[Sheet.CONTEST] = _contest_rows(rows, document.problems)
            else:
                document.sheets[spec.sheet] = _table_rows(spec, rows, document.problems)
    finally:
        workbook.close()
    return document


def _non_empty_rows(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, Cells]]:
    for number, cells in enumerate(rows, start=1):
        if any(cell is not None and str(cell).strip() for cell in cells):
            yield number, cells


def _table_rows(
    spec: SheetSpec, rows: list[tuple[int, Cells]], problems: list[Problem]
) -> list[RawRow]:
    if not rows:
        problems.extend(HeaderMap(spec).check((), None))
        return []
    header_number, header = rows[0]
    headers = HeaderMap(spec)
    problems.extend(headers.check(header, header_number))
    keys = [headers.key(cell) if cell is not None else None for cell in header]
    result = []
    for number, cells in rows[1:]:
        pairs = [(key, cell) for key, cell in zip(keys, cells, strict=False) if key is not None]
        result.append(RawRow(number, fold_options(pairs)))
    return result


def _contest_rows(rows: list[tuple[int, Cells]], problems: list[Problem]) -> list[RawRow]:
    """The Contest sheet holds one field per row: a header row, then field | value."""
    field_names = {
        normalise(name): column.key for column in CONTEST_FIELDS.columns for name in column.accepted
    }
    layout_names = {normalise(name) for column in CONTEST_LAYOUT for name in column.accepted}
    values: dict[str, object] = {}
    field_rows: dict[str, int] = {}
    for number, cells in rows:
        label = cells[0] if cells else None
        if label is None or normalise(label) in layout_names:
            continue
        key = field_names.get(normalise(label))
        if key is None:
            params = {"header": str(label)}
            problems.append(Problem(N_("unknown field '{header}'"), params, Sheet.CONTEST, number))
            continue
        values[key] = cells[1] if len(cells) > 1 else None
        field_rows[key] = number
    if not rows:
        return []
    return [RawRow(rows[0][0], values, field_rows, field_column="value")]
