"""Typed reading of one row's cells; every failure becomes a located Problem."""

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.problems import N_, Problem, Sheet
from bot.formats.choices import Labels, lookup
from bot.formats.columns import INT32_MAX, NAME_LENGTH, SPECS
from bot.formats.document import RawRow

E = TypeVar("E", bound=StrEnum)

DATETIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y年%m月%d日 %H:%M", "%Y.%m.%d %H:%M")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d")
MIN_YEAR, MAX_YEAR = 1900, 2999
LIST_SEPARATORS = re.compile(r"[,，、;；\n]+")


class CellReader:
    """Reads the cells of one row; `failed` tells whether any cell could not be read."""

    def __init__(self, sheet: Sheet, row: RawRow, problems: list[Problem]) -> None:
        self.sheet = sheet
        self.row = row
        self.problems = problems
        self.failed = False
        # Cells already reported (a formula, too long): read as empty, and not reported again.
        self._blocked = set(row.formulas)

    def report(self, key: str, message: str, **params: str | int) -> None:
        self.failed = True
        if key in self._blocked:
            return
        column = self.row.field_column or key
        number = self.row.field_rows.get(key, self.row.number)
        self.problems.append(Problem(message, params, self.sheet, number, column))

    def raw(self, key: str) -> object:
        if key in self._blocked:
            self.failed = True
            return None
        value = self.row.values.get(key)
        if isinstance(value, str):
            value = value.strip() or None
        limit = self._column_limit(key)
        if value is not None and (length := _length(key, value)) > limit:
            self.report(key, N_("{length} characters; at most {limit}"), length=length, limit=limit)
            self._blocked.add(key)
            return None
        return value

    def _column_limit(self, key: str) -> int:
        column = next((c for c in SPECS[self.sheet].columns if c.key == key), None)
        return NAME_LENGTH if column is None else column.max_length

    def _number_limit(self, key: str) -> int:
        column = next((c for c in SPECS[self.sheet].columns if c.key == key), None)
        return INT32_MAX if column is None else column.max_number

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.raw(key)
        if value is None:
            if required:
                self.report(key, N_("a value is required"))
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)

    def code(self, key: str, *, required: bool = False) -> str | None:
        return self.text(key, required=required) or None

    def integer(self, key: str, *, required: bool = False) -> int | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.report(key, N_("a value is required"))
            return None
        number = _whole_number(value)
        if number is None:
            self.report(key, N_("'{value}' is not a whole number"), value=str(value))
            return None
        maximum = self._number_limit(key)
        if abs(number) > maximum:
            self.report(
                key,
                N_("'{value}' is out of range: at most {maximum}"),
                value=number,
                maximum=maximum,
            )
            return None
        return number

    def choice(self, key: str, labels: Labels[E], *, required: bool = False) -> E | None:
        text = self.text(key, required=required)
        if not text:
            return None
        found = lookup(text, labels)
        if found is None:
            expected = "、".join(names[0] for names in labels.values())
            self.report(
                key,
                N_("'{value}' is unknown; expected one of: {expected}"),
                value=text,
                expected=expected,
            )
        return found

    def zone(self, key: str) -> ZoneInfo | None:
        text = self.text(key, required=True)
        if not text:
            return None
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            self.report(key, N_("unknown time zone '{value}'"), value=text)
            return None

    def day(self, key: str) -> date | None:
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(str(value), fmt).replace(tzinfo=UTC).date()
            except ValueError:
                continue
        self.report(key, N_("'{value}' is not a date (YYYY-MM-DD)"), value=str(value))
        return None

    def moment(self, key: str, zone: ZoneInfo) -> datetime | None:
        """A local time in `zone` (or with an explicit offset), returned in UTC."""
        value = self.raw(key)
        if value is None:
            self.report(key, N_("a value is required"))
            return None
        parsed = _parse_moment(value, zone)
        if parsed is None:
            self.report(
                key, N_("'{value}' is not a date and time (YYYY-MM-DD HH:MM)"), value=str(value)
            )
        return parsed

    def items(self, key: str) -> tuple[str, ...]:
        """A list: native in YAML, separated by commas, 、 or new lines in a cell."""
        value = self.raw(key)
        if value is None:
            return ()
        if isinstance(value, list | tuple):
            return tuple(str(v).strip() for v in value if str(v).strip())
        return tuple(part.strip() for part in LIST_SEPARATORS.split(str(value)) if part.strip())

    def codes(self, key: str) -> tuple[str, ...]:
        """A list of codes, each once and in order; a number typed into a cell is its digits."""
        value = self.raw(key)
        values = value if isinstance(value, list | tuple) else [value]
        found: list[str] = []
        for item in values:
            if isinstance(item, float) and item.is_integer():
                item = int(item)
            if item is not None:
                found += [p.strip() for p in LIST_SEPARATORS.split(str(item)) if p.strip()]
        return tuple(dict.fromkeys(found))

    def lines(self, key: str) -> tuple[str, ...]:
        """A list whose items may hold commas: native in YAML, one item a line in a cell."""
        value = self.raw(key)
        if value is None:
            return ()
        if isinstance(value, list | tuple):
            # Blanks keep their place: an option's letter is its position.
            return tuple("" if v is None else str(v).strip() for v in value)
        return tuple(split_lines(str(value)))


def _length(key: str, value: object) -> int:
    """A cell's characters; a YAML list counts as its items joined, but options one by one
    (in a workbook each has a column of its own)."""
    if not isinstance(value, list | tuple):
        return len(str(value))
    lengths = [len(str(item)) for item in value]
    if key == "options":
        return max(lengths, default=0)
    return sum(lengths) + max(len(lengths) - 1, 0)


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    return None


def _parse_moment(value: object, zone: ZoneInfo) -> datetime | None:
    if isinstance(value, datetime):
        local = value
    elif isinstance(value, str):
        local_or_none = _parse_text_moment(value)
        if local_or_none is None:
            return None
        local = local_or_none
    else:
        return None
    # Far from any contest, and near datetime's ends adding a duration would overflow.
    if not MIN_YEAR <= local.year <= MAX_YEAR:
        return None
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC)


def _parse_text_moment(text: str) -> datetime | None:
    if ":" not in text:  # a date alone is not a start time, whatever fromisoformat thinks
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for fmt in DATETIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)  # noqa: DTZ007 - made aware by the caller
        except ValueError:
            continue
    return None


def split_lines(text: str) -> Iterator[str]:
    return (line.strip() for line in text.splitlines() if line.strip())
