"""When practice may reach a person: the opt-in daily set, and the windows when it may not.

No practice content goes out while the real theory exam runs (any slot of a theory round) or
during a lockdown the organizers configure; a daily set due then waits for the window's end,
and is dropped once it is too late in the day to be welcome.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.enums import RoundKind
from bot.domain.snapshot import ContestSnapshot

DAILY_TIMES = (time(7), time(8), time(12, 30), time(18), time(21))
DAILY_COUNTS = (3, 5, 10)
DEFAULT_DAILY_COUNT = 5
MAX_DAILY_COUNT = 30
LATE_LIMIT = timedelta(hours=3)  # a daily set not sent by then waits for tomorrow
# Callback data of the daily set's start button, written by the push service (no handler
# imports there); the practice handler's PracticeKind(kind=DAILY) packs to the same.
DAILY = "daily"
DAILY_START_DATA = f"pk:{DAILY}"
DAILY_NEXT = "dnext"  # the next question of a set already started


@dataclass(frozen=True, slots=True)
class PracticePreferences:
    person_id: int
    daily_at: time | None = None  # contest wall-clock time of the daily set; None: no push
    daily_count: int = DEFAULT_DAILY_COUNT
    on_leaderboard: bool = False
    daily_sent_on: date | None = None  # the contest day whose set went out last


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime
    end: datetime

    def covers(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True, slots=True)
class Lockdown:
    """A configured quiet period in contest wall-clock time (the zone comes with the contest)."""

    start: datetime
    end: datetime

    def window(self, zone: ZoneInfo) -> Window:
        return Window(self.start.replace(tzinfo=zone), self.end.replace(tzinfo=zone))


def closed_windows(snapshot: ContestSnapshot, lockdowns: Iterable[Lockdown]) -> list[Window]:
    """Every slot of a theory round, and every configured lockdown."""
    windows = [
        Window(slot.starts_at, slot.ends_at)
        for round_ in snapshot.data.rounds
        if round_.kind is RoundKind.THEORY
        for slot in snapshot.round_slots.get(round_.code, ())
    ]
    windows += [lockdown.window(snapshot.zone) for lockdown in lockdowns]
    return sorted(windows, key=lambda w: w.start)


def closed_until(now: datetime, windows: Sequence[Window]) -> datetime | None:
    """When practice opens again, if a window covers `now` (back-to-back windows join up)."""
    until = None
    moment = now
    for window in sorted(windows, key=lambda w: w.start):
        if window.covers(moment):
            until = moment = window.end
    return until


def daily_set_due(
    preferences: PracticePreferences, now: datetime, zone: ZoneInfo, windows: Sequence[Window]
) -> date | None:
    """The contest day whose daily set should go now, if any: from the chosen time, while no
    window has practice closed, until LATE_LIMIT after it; once a day."""
    local = now.astimezone(zone)
    if preferences.daily_at is None or preferences.daily_sent_on == local.date():
        return None
    chosen = datetime.combine(local.date(), preferences.daily_at, zone)
    if not chosen <= now < chosen + LATE_LIMIT or closed_until(now, windows) is not None:
        return None
    return local.date()


@dataclass(frozen=True, slots=True)
class DailySet:
    """How far a person is through the daily set they started."""

    count: int
    left: int
    right: int = 0
    asked: tuple[str, ...] = ()  # codes of the questions answered: none comes twice in a set

    @classmethod
    def started(cls, count: int) -> "DailySet":
        return cls(count, count)

    def answered(self, code: str, correct: bool) -> "DailySet":
        return DailySet(
            self.count, max(self.left - 1, 0), self.right + correct, (*self.asked, code)
        )

    def stored(self) -> dict[str, Any]:
        return {"count": self.count, "left": self.left, "right": self.right,
                "asked": list(self.asked)}  # fmt: skip

    @classmethod
    def restored(cls, stored: Mapping[str, Any] | None) -> "DailySet | None":
        if not stored:
            return None
        return cls(int(stored["count"]), int(stored["left"]), int(stored["right"]),
                   tuple(str(code) for code in stored.get("asked", ())))  # fmt: skip
