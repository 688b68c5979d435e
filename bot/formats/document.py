"""What a reader hands over: rows of cell values keyed by column key, before any typing."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.domain.problems import Problem, Sheet


@dataclass(frozen=True, slots=True)
class RawRow:
    number: int
    values: Mapping[str, object]
    # Row of each field when it is not `number` (the Contest sheet has one field per row).
    field_rows: Mapping[str, int] = field(default_factory=dict)
    field_column: str | None = None
    # Keys whose cell holds a formula: reported once by the reader, then read as unreadable.
    formulas: frozenset[str] = frozenset()


@dataclass(slots=True)
class RawDocument:
    sheets: dict[Sheet, list[RawRow]] = field(default_factory=dict)
    # Structural problems found while reading (missing sheets, unknown columns, ...).
    problems: list[Problem] = field(default_factory=list)
    # Over a limit of WorkbookLimits: nothing was read, `problems` says which limit.
    refused: bool = False
