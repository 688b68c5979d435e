"""Problems found in imported data, as untranslated message ids plus parameters.

The domain never translates: an edge renders `message.format(**params)` through the
locale catalog, with the location (sheet, row, column) in front.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Marks a message id for extraction; translation happens at the edge."""
    return message


@dataclass(frozen=True, slots=True)
class Plural:
    """A message whose wording depends on a number: the parameter named `number` picks the form."""

    singular: str
    plural: str
    number: str = "count"


def N_plural(singular: str, plural: str, number: str = "count") -> Plural:  # noqa: N802
    """Marks a plural message for extraction (pybabel -k N_plural:1,2); see `N_`."""
    return Plural(singular, plural, number)


class Sheet(StrEnum):
    CONTEST = "Contest"
    VENUES = "Venues"
    TRACKS = "Tracks"
    TEAMS = "Teams"
    PEOPLE = "People"
    ROUNDS = "Rounds"
    SCHEDULE = "Schedule"
    QUESTIONS = "Questions"


@dataclass(frozen=True, slots=True)
class Problem:
    message: str
    params: Mapping[str, str | int] = field(default_factory=dict)
    sheet: Sheet | None = None
    row: int | None = None
    # The field key of the column (see bot.formats.columns), not its header text.
    column: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        sheets = list(Sheet)
        return (
            sheets.index(self.sheet) if self.sheet else -1,
            self.row or 0,
            self.column or "",
        )
