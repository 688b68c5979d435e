"""The one fake clock of the tests: it stands still until a test sets or advances it."""

from datetime import datetime, timedelta


class FakeClock:
    """A `bot.services.ports.Clock` whose time only changes when told to.

    `moment` can be assigned (`clock.moment = …`, `clock.moment += …`) or moved with `set` and
    `advance`; every time it holds is timezone-aware, so a test cannot slip a naive datetime
    into code that must never see one."""

    def __init__(self, moment: datetime) -> None:
        self._moment = aware(moment)

    @property
    def moment(self) -> datetime:
        return self._moment

    @moment.setter
    def moment(self, value: datetime) -> None:
        self._moment = aware(value)

    def now(self) -> datetime:
        return self._moment

    def set(self, moment: datetime) -> None:
        self.moment = moment

    def advance(self, by: timedelta) -> datetime:
        """Moves the clock forward by `by` and returns the new time."""
        self.moment = self._moment + by
        return self._moment

    def __repr__(self) -> str:
        return f"FakeClock({self._moment!r})"


def aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a fake clock needs a timezone-aware time, not {moment!r}")
    return moment
