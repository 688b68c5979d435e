"""The texts of what use cases queue, for the view port they declare (bot.services.ports): each
method takes domain data and the recipient's locale and returns the message, as the texts of
this package render it. The pictures are added at the edge (bot.views)."""

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.audit import AuditEntry
from bot.domain.contest import Person, Round
from bot.domain.draw import Draw
from bot.domain.enums import Locale
from bot.domain.problems import N_, N_plural
from bot.domain.reminders import MemberState, Reminder
from bot.domain.schedule_changes import ProgrammeNotice
from bot.domain.scoring.completeness import Completeness
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.texts import audit, draws, programme_changes, reminders, results
from bot.texts.texts import Texts

UTC = ZoneInfo("UTC")
# The notes a mock exam queues for later, by their name in the outbox key (exam:{id}:{note}).
EXAM_NOTES = {
    "reminder": N_("⏳ 10 minutes left in your mock exam. /exam continues it."),
    "over": N_("⌛ Your mock exam is over. /exam shows your report."),
}
DAILY_SET = N_plural(
    "📚 Your {count} question for today is ready ({due} due for review).",
    "📚 Your {count} questions for today are ready ({due} due for review).",
)
DAILY_START = N_("Start ▶")


class TextViews:
    """The messages in every locale; the texts of one locale and zone are made per message
    (cheap: the catalogs are loaded once, by bot.i18n)."""

    def programme_notice(
        self, locale: Locale, snapshot: ContestSnapshot, notice: ProgrammeNotice
    ) -> str:
        return programme_changes.notice_text(_texts(locale, snapshot), snapshot, notice)

    def draw_commitment(self, locale: Locale, snapshot: ContestSnapshot, draw: Draw) -> str:
        return draws.commitment_text(_texts(locale, snapshot), snapshot, draw)

    def draw_reveal(self, locale: Locale, snapshot: ContestSnapshot, draw: Draw) -> str:
        return draws.reveal_text(_texts(locale, snapshot), snapshot, draw)

    def personal_results(
        self, snapshot: ContestSnapshot, round_: Round, table: Standings, version: int,
        done: Completeness,
    ) -> Callable[[Locale, Person], str]:  # fmt: skip
        told = results.PersonalResults(round_, table, version, done)
        return lambda locale, person: told.text(_texts(locale, snapshot), person)

    def track_standings(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, table: Standings,
        track_code: str, version: int,
    ) -> str:  # fmt: skip
        t = _texts(locale, snapshot)
        return results.track_standings(t, snapshot, round_, table, track_code, version)

    def withdrawal_notice(self, locale: Locale, round_: Round, version: int, reason: str) -> str:
        return results.withdrawal_notice(_untimed(locale), round_, version, reason)

    def publication_notice(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, version: int,
        head: AuditEntry,
    ) -> str:  # fmt: skip
        return audit.publication_notice(_texts(locale, snapshot), round_, version, head)

    def reminder(self, locale: Locale, snapshot: ContestSnapshot, reminder: Reminder) -> str:
        return reminders.reminder_text(_texts(locale, snapshot), snapshot, reminder)

    def acknowledged_reminder(
        self, locale: Locale, zone: ZoneInfo, original: str, name: str, at: datetime
    ) -> str:
        return reminders.acknowledged_text(Texts(locale, zone), original, name, at)

    def late_acknowledgement(
        self, locale: Locale, snapshot: ContestSnapshot, reminder: Reminder, name: str,
        at: datetime,
    ) -> str:  # fmt: skip
        t = _texts(locale, snapshot)
        return reminders.late_acknowledgement_text(t, snapshot, reminder, name, at)

    def escalation(
        self, locale: Locale, snapshot: ContestSnapshot, reminder: Reminder, minutes: int,
        to_leader: bool, members: Sequence[MemberState],
    ) -> str:  # fmt: skip
        t = _texts(locale, snapshot)
        return reminders.escalation_text(t, snapshot, reminder, minutes, to_leader, members)

    def got_it_label(self, locale: Locale) -> str:
        return _untimed(locale)(reminders.GOT_IT)

    def arrived_label(self, locale: Locale) -> str:
        return _untimed(locale)(reminders.ARRIVED)

    def exam_note(self, locale: Locale, note: str) -> str:
        return _untimed(locale)(EXAM_NOTES[note])

    def daily_set_invitation(self, locale: Locale, count: int, due: int) -> str:
        return _untimed(locale)(DAILY_SET, count=count, due=due)

    def daily_set_start_label(self, locale: Locale) -> str:
        return _untimed(locale)(DAILY_START)


def _texts(locale: Locale, snapshot: ContestSnapshot) -> Texts:
    return Texts(locale, snapshot.zone)


def _untimed(locale: Locale) -> Texts:
    """For messages that show no time, so any zone would do."""
    return Texts(locale, UTC)
