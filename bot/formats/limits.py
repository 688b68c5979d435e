"""How much of a workbook an import reads before refusing it: bounded work for any file."""

from dataclasses import dataclass

from bot.domain.problems import N_, Problem, Sheet

MEGABYTE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class WorkbookLimits:
    """The defaults hold ten times the demo contest with room to spare (see
    docs/import-format.md); `Settings.workbook_limits` makes them configurable."""

    max_file_bytes: int = 10 * MEGABYTE
    # What the parts read from the zip may unpack to: a small file can hold a lot of XML.
    max_unpacked_bytes: int = 50 * MEGABYTE
    max_rows: int = 10_000  # per sheet, counting from the sheet's first row
    max_columns: int = 64
    max_cells: int = 200_000  # in all the sheets read


class LimitExceededError(Exception):
    """The file is over a limit: it is refused whole with this one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def file_too_large(size: int, limit: int, setting: str) -> LimitExceededError:
    return LimitExceededError(
        Problem(
            N_("the file is too large: {size} MB, at most {limit} MB (setting {setting})"),
            {"size": _megabytes(size), "limit": _megabytes(limit), "setting": setting},
        )
    )


def too_many_rows(sheet: Sheet, limit: int) -> LimitExceededError:
    params: dict[str, str | int] = {"limit": limit, "setting": "IMPORT_MAX_ROWS"}
    message = N_("more than {limit} rows (setting {setting})")
    return LimitExceededError(Problem(message, params, sheet))


def too_many_columns(sheet: Sheet, row: int, limit: int) -> LimitExceededError:
    params: dict[str, str | int] = {"limit": limit, "setting": "IMPORT_MAX_COLUMNS"}
    message = N_("more than {limit} columns (setting {setting})")
    return LimitExceededError(Problem(message, params, sheet, row))


def too_many_cells(sheet: Sheet | None, row: int | None, limit: int) -> LimitExceededError:
    params: dict[str, str | int] = {"limit": limit, "setting": "IMPORT_MAX_CELLS"}
    message = N_("more than {limit} cells in the file (setting {setting})")
    return LimitExceededError(Problem(message, params, sheet, row))


def _megabytes(size: int) -> str:
    """10, 5.4, 0.038: enough digits to tell the size from the limit."""
    megabytes = size / MEGABYTE
    return f"{megabytes:.1f}".removesuffix(".0") if megabytes >= 1 else f"{megabytes:.2g}"
