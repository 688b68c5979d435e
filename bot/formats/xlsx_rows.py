"""The rows of one worksheet, streamed from its XML and bounded by the workbook limits."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from xml.etree.ElementTree import Element, iterparse

from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel

from bot.domain.problems import Sheet
from bot.formats.limits import too_many_cells, too_many_columns, too_many_rows
from bot.formats.xlsx_package import Package, child_text, local, rich_text

CELL_REFERENCE = re.compile(r"([A-Za-z]{1,3})(\d+)")


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int
    cells: tuple[object, ...]  # by column, from A; None where empty
    formulas: frozenset[int]  # 0-based columns whose cell holds a formula


def cell_name(column: int, row: int) -> str:
    """`B7` for the 0-based column 1 of row 7."""
    return f"{get_column_letter(column + 1)}{row}"


class RowStream:
    """Counts cells across sheets: the cell limit is the workbook's."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.cells = 0

    def rows(self, sheet: Sheet, part: str) -> Iterator[SheetRow]:
        """Cell by cell as the XML is parsed: a limit stops the work at the cell that breaks it."""
        limits = self.package.limits
        number = column = 0
        cells: dict[int, object] = {}
        formulas: set[int] = set()
        parents: list[Element] = []
        with self.package.open(part) as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                tag = local(element.tag)
                if event == "start":
                    parents.append(element)
                    if tag == "row":
                        number = _row_number(element, number)
                        if number > limits.max_rows:
                            raise too_many_rows(sheet, limits.max_rows)
                        cells, formulas, column = {}, set(), -1
                    continue
                parents.pop()
                if tag == "c":
                    self.cells += 1
                    if self.cells > limits.max_cells:
                        raise too_many_cells(sheet, number, limits.max_cells)
                    column = _column(element, column)
                    if column >= limits.max_columns:
                        raise too_many_columns(sheet, number, limits.max_columns)
                    if any(local(child.tag) == "f" for child in element):
                        formulas.add(column)
                    else:
                        cells[column] = self._value(element)
                elif tag == "row":
                    width = max([*cells, *formulas], default=-1) + 1
                    values = tuple(cells.get(i) for i in range(width))
                    yield SheetRow(number, values, frozenset(formulas))
                else:
                    continue
                if parents:  # done with it: memory stays flat however long the sheet is
                    parents[-1].remove(element)

    def _value(self, cell: Element) -> object:
        """The value the way openpyxl gives it: numbers, dates by their style, text, bools."""
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = next((child for child in cell if local(child.tag) == "is"), None)
            return None if inline is None else rich_text(inline) or None
        text = child_text(cell, "v")
        if not text:
            return None
        if kind == "s":
            index = int(text)
            if not 0 <= index < len(self.package.shared_strings):
                raise ValueError(f"cell {cell.get('r')}: no shared string {index}")
            return self.package.shared_strings[index]
        if kind == "b":
            return text.strip() not in ("0", "false")
        if kind == "d":
            return datetime.fromisoformat(text.removesuffix("Z"))
        if kind != "n":  # str, e (an error such as #N/A)
            return text
        number = float(text) if any(c in text for c in ".eE") else int(text)
        style = int(cell.get("s", "0"))
        styles = self.package.styles
        if style in styles.dates:
            try:
                return from_excel(number, self.package.epoch, timedelta=style in styles.durations)
            except (OverflowError, ValueError):  # a serial no calendar has: the cell says why
                return number
        return number


def _row_number(row: Element, previous: int) -> int:
    text = row.get("r")
    if text is None:
        return previous + 1
    if not text.isdigit():
        raise ValueError(f"row number '{text}' is not a whole number")
    return int(text)


def _column(cell: Element, previous: int) -> int:
    reference = cell.get("r")
    if reference is None:
        return previous + 1
    match = CELL_REFERENCE.fullmatch(reference)
    if match is None:
        raise ValueError(f"'{reference}' is not a cell reference")
    return int(column_index_from_string(match.group(1).upper())) - 1
