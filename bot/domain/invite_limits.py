"""The limits on invite codes that all accounts share, beside each account's own (accounts.py).

Each account may enter 5 wrong codes in 15 minutes, but anyone can open many accounts. So:
- overall, at most OVERALL_FAILURES codes that bound nothing are checked in any one minute; past
  that, no code is checked (not even a right one: checking it would answer a guess) until the
  oldest of them is a minute old. Refused attempts are not counted, so a flood closes code entry
  for at most a minute at a time, and the rightful owner waits at most that long per flood.
- per invite: an invite another account holds answers "already used", which tells a guesser the
  code is real. At most CODE_FAILURES such attempts on one invite are answered in 15 minutes;
  after that "too many attempts". It never delays the rightful owner: while another account
  holds their invite they cannot bind it anyway, and once an organizer frees it the limit no
  longer applies to it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

OVERALL_FAILURES = 30
OVERALL_WINDOW = timedelta(minutes=1)
CODE_FAILURES = 3
CODE_WINDOW = timedelta(minutes=15)
# Failures older than this count for no limit and are forgotten.
REMEMBERED = max(OVERALL_WINDOW, CODE_WINDOW)


@dataclass(frozen=True, slots=True)
class Limit:
    failures: int
    window: timedelta

    def closed_until(self, failed_at: Iterable[datetime], now: datetime) -> datetime | None:
        """When attempts are answered again: None while fewer than `failures` fall within the
        window, else the moment the oldest of the latest `failures` leaves it."""
        recent = sorted(moment for moment in failed_at if now - moment < self.window)
        if len(recent) < self.failures:
            return None
        return recent[-self.failures] + self.window


OVERALL = Limit(OVERALL_FAILURES, OVERALL_WINDOW)
PER_CODE = Limit(CODE_FAILURES, CODE_WINDOW)


def minutes_until(moment: datetime, now: datetime) -> int:
    """Whole minutes to wait, rounded up, at least one."""
    return max(1, -(-(moment - now) // timedelta(minutes=1)))
