"""Clocks: the real one, and one that runs a rehearsal day at another time."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class ShiftedClock:
    """Real time moved by a fixed offset (a rehearsal of contest day); `at` sets the offset."""

    offset: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def at(self, moment: datetime) -> None:
        self.offset = moment - datetime.now(UTC)
