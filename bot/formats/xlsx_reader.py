"""Reads a contest workbook (.xlsx). Row numbers in problems are the spreadsheet's own.

The sheets are streamed (see xlsx_rows): `<dimension>` is never read, so rows past a wrong one
are read like any other, and the limits refuse a file before it can exhaust time or memory.
"""

import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

from bot.domain.problems import N_, Problem, Sheet
from bot.formats.columns import CONTEST_FIELDS, CONTEST_LAYOUT, SHEETS, SheetSpec
from bot.formats.document import RawDocument, RawRow
from bot.formats.headers import HeaderMap, find_sheet, fold_options, missing_sheet, normalise
from bot.formats.limits import LimitExceededError, WorkbookLimits
from bot.formats.xlsx_package import open_package
from bot.formats.xlsx_rows import RowStream, SheetRow, cell_name
from bot.formats.yaml_reader import UnreadableFileError

# What a damaged part raises from the zip, the XML parser or a malformed attribute.
DAMAGE = (
    ParseError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    EOFError,
    zlib.error,
)


def read_workbook(path: Path, limits: WorkbookLimits | None = None) -> RawDocument:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise UnreadableFileError(str(error)) from error
    with archive:
        try:
            return _read(RowStream(open_package(archive, limits or WorkbookLimits())))
        except LimitExceededError as error:
            return RawDocument(problems=[error.problem], refused=True)
        except (*DAMAGE, zipfile.BadZipFile) as error:
            raise UnreadableFileError(str(error)) from error


def _read(stream: RowStream) -> RawDocument:
    document = RawDocument()
    for spec in (CONTEST_FIELDS, *SHEETS):
        name = find_sheet(spec, stream.package.sheets)
        if name is None:
            document.problems.append(missing_sheet(spec))
            continue
        try:
            rows = list(_non_empty_rows(stream.rows(spec.sheet, stream.package.sheets[name])))
        except (*DAMAGE, zipfile.BadZipFile) as error:
            raise UnreadableFileError(f"{name}: {error}") from error
        document.problems.extend(_formulas(spec, rows))
        if spec is CONTEST_FIELDS:
            document.sheets[Sheet.CONTEST] = _contest_rows(rows, document.problems)
        else:
            document.sheets[spec.sheet] = _table_rows(spec, rows, document.problems)
    return document


def _non_empty_rows(rows: Iterable[SheetRow]) -> Iterator[SheetRow]:
    for row in rows:
        if row.formulas or any(cell is not None and str(cell).strip() for cell in row.cells):
            yield row


def _formulas(spec: SheetSpec, rows: list[SheetRow]) -> Iterator[Problem]:
    """Each formula cell, located by the key of its column when the header names one."""
    keys = _column_keys(spec, rows)
    for row in rows:
        for column in sorted(row.formulas):
            key = keys.get(column) if row is not rows[0] else None
            yield Problem(
                N_("cell {cell} holds a formula; paste it as values"),
                {"cell": cell_name(column, row.number)},
                spec.sheet,
                row.number,
                key.split(":")[0] if key else None,
            )


def _column_keys(spec: SheetSpec, rows: list[SheetRow]) -> dict[int, str]:
    if spec is CONTEST_FIELDS:
        return {1: "value"}
    if not rows:
        return {}
    headers = HeaderMap(spec)
    found = ((i, headers.key(cell)) for i, cell in enumerate(rows[0].cells) if cell is not None)
    return {i: key for i, key in found if key is not None}


def _formula_keys(keys: list[str | None], row: SheetRow) -> frozenset[str]:
    return frozenset(
        key.split(":")[0]
        for column in row.formulas
        if column < len(keys) and (key := keys[column]) is not None
    )


def _table_rows(spec: SheetSpec, rows: list[SheetRow], problems: list[Problem]) -> list[RawRow]:
    if not rows:
        problems.extend(HeaderMap(spec).check((), None))
        return []
    header = rows[0]
    headers = HeaderMap(spec)
    problems.extend(headers.check(header.cells, header.number))
    keys = [headers.key(cell) if cell is not None else None for cell in header.cells]
    result = []
    for row in rows[1:]:
        pairs = [(key, cell) for key, cell in zip(keys, row.cells, strict=False) if key is not None]
        result.append(RawRow(row.number, fold_options(pairs), formulas=_formula_keys(keys, row)))
    return result


def _contest_rows(rows: list[SheetRow], problems: list[Problem]) -> list[RawRow]:
    """The Contest sheet holds one field per row: a header row, then field | value."""
    field_names = {
        normalise(name): column.key for column in CONTEST_FIELDS.columns for name in column.accepted
    }
    layout_names = {normalise(name) for column in CONTEST_LAYOUT for name in column.accepted}
    values: dict[str, object] = {}
    field_rows: dict[str, int] = {}
    formulas = set()
    for row in rows:
        label = row.cells[0] if row.cells else None
        if label is None or normalise(label) in layout_names:
            continue
        key = field_names.get(normalise(label))
        if key is None:
            params = {"header": str(label)}
            problems.append(
                Problem(N_("unknown field '{header}'"), params, Sheet.CONTEST, row.number)
            )
            continue
        values[key] = row.cells[1] if len(row.cells) > 1 else None
        field_rows[key] = row.number
        if 1 in row.formulas:
            formulas.add(key)
    if not rows:
        return []
    return [
        RawRow(
            rows[0].number, values, field_rows, field_column="value", formulas=frozenset(formulas)
        )
    ]
