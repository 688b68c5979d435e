"""Workbooks for tests: the demo contest exported to a valid .xlsx, then edited cell by cell.

Rows are the spreadsheet's own numbers (1 is the header row); columns are found by the text
of their header cell, so a test reads like the sheet an organizer would look at.
"""

import shutil
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.domain.contest import ContestData
from bot.formats.export import to_document
from bot.formats.xlsx_writer import write_workbook

# What a test writes into a cell.
CellValue = str | int | float | Decimal | datetime | date | time | None


def export_workbook(data: ContestData, path: Path) -> Path:
    write_workbook(to_document(data), path)
    return path


class EditableWorkbook:
    """A copy of a workbook on disk; edits are kept in memory until `save()`."""

    def __init__(self, source: Path, path: Path) -> None:
        shutil.copyfile(source, path)
        self.path = path
        self._workbook = load_workbook(path)

    def sheet(self, name: str) -> Worksheet:
        return self._workbook[name]

    def headers(self, sheet: str) -> list[object]:
        return [cell.value for cell in self.sheet(sheet)[1]]

    def column(self, sheet: str, header: str) -> int:
        """1-based column number of the header cell with this text."""
        return self.headers(sheet).index(header) + 1

    def get(self, sheet: str, row: int, header: str) -> object:
        return self.sheet(sheet).cell(row=row, column=self.column(sheet, header)).value

    def set(self, sheet: str, row: int, header: str, value: CellValue) -> None:
        self.sheet(sheet).cell(row=row, column=self.column(sheet, header)).value = value

    def append(self, sheet: str, values: dict[str, CellValue]) -> int:
        """Adds a row given as {header: value}; returns its row number."""
        target = self.sheet(sheet)
        columns: dict[int | str, CellValue] = {
            self.column(sheet, header): value for header, value in values.items()
        }
        target.append(columns)
        return target.max_row

    def rename_header(self, sheet: str, header: str, new_header: str) -> None:
        self.sheet(sheet).cell(row=1, column=self.column(sheet, header)).value = new_header

    def rename_sheet(self, name: str, new_name: str) -> None:
        sheet = self.sheet(name)
        # openpyxl appends a digit to a title equal to the old one but for case.
        sheet.title = "renaming"
        sheet.title = new_name
        assert sheet.title == new_name

    def delete_sheet(self, name: str) -> None:
        del self._workbook[name]

    def save(self) -> Path:
        self._workbook.save(self.path)
        return self.path
