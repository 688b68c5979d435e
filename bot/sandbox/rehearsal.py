"""When the sandbox rehearses on its own: a contest that lies wholly in the past or the future
would look empty today, so the rehearsal clock starts at the contest's first morning."""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.domain.enums import Locale
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Texts

MORNING = time(8, 0)
CHOSEN = N_("Rehearsal clock: from {moment}, as --clock asked.")
AUTOMATIC = N_("Rehearsal clock: the contest is not on today, so the sandbox plays it from its "
               "first morning, {moment}. Pass --clock to start elsewhere.")  # fmt: skip


def first_morning(snapshot: ContestSnapshot, now: datetime) -> datetime | None:
    """08:00 of the contest's first day (earlier if the programme starts earlier), when `now`
    lies before that day or after the last one; None while the contest is on, or it has no
    programme."""
    if not snapshot.slots:
        return None
    first, last = snapshot.days[0], snapshot.days[-1]
    today = now.astimezone(snapshot.zone).date()
    if first <= today <= last:
        return None
    morning = datetime.combine(first, MORNING, tzinfo=snapshot.zone)
    return min(morning, snapshot.slots[0].starts_at.astimezone(snapshot.zone))


@dataclass(frozen=True, slots=True)
class ClockNote:
    """What the page says about the clock: a rehearsal from `start`, chosen or automatic."""

    start: datetime
    zone: ZoneInfo
    automatic: bool

    def text(self, locale: Locale) -> str:
        t = Texts(locale, self.zone)
        return t(AUTOMATIC if self.automatic else CHOSEN, moment=t.moment(self.start))
