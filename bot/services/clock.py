"""Clocks: the real one, and one that runs a rehearsal of contest day."""

from dataclasses import dataclass, field
from datetime import UTC, datetime


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class RehearsalClock:
    """Contest time for a rehearsal: starts at `start` and runs `speed` times as fast."""

    start: datetime
    speed: float = 1.0
    _began: datetime = field(default_factory=lambda: datetime.now(UTC))

    def now(self) -> datetime:
        return self.start + (datetime.now(UTC) - self._began) * self.speed
