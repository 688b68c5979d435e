"""The small interfaces use cases need: the unit of work over the repositories, the clock, and
the edges' parts (see each); storage/ and the edges implement them."""

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from types import TracebackType
from typing import Any, Protocol, Self
from zoneinfo import ZoneInfo

from bot.domain.audit import AuditEntry
from bot.domain.contest import Person, Round
from bot.domain.draw import Draw
from bot.domain.enums import Locale
from bot.domain.reminders import MemberState, Reminder
from bot.domain.schedule_changes import ProgrammeNotice
from bot.domain.scoring.completeness import Completeness
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.services.repositories import (
    AccountRepository,
    ArenaRepository,
    AuditRepository,
    BroadcastRepository,
    CheckInRepository,
    ContestRepository,
    DrawRepository,
    ExamRepository,
    FollowRepository,
    HandledUpdateRepository,
    KeyReportRepository,
    MediaRepository,
    OutboxRepository,
    PracticePreferenceRepository,
    PracticeRepository,
    PublicationRepository,
    ReminderRepository,
    ReviewRepository,
    ScoreRepository,
    StageEventRepository,
    TeamChatRepository,
)


class UnitOfWork(Protocol):
    @property
    def contest(self) -> ContestRepository: ...

    @property
    def accounts(self) -> AccountRepository: ...

    @property
    def outbox(self) -> OutboxRepository: ...

    @property
    def broadcasts(self) -> BroadcastRepository: ...

    @property
    def team_chats(self) -> TeamChatRepository: ...

    @property
    def follows(self) -> FollowRepository: ...

    @property
    def check_ins(self) -> CheckInRepository: ...

    @property
    def stage_events(self) -> StageEventRepository: ...

    @property
    def reminders(self) -> ReminderRepository: ...

    @property
    def draws(self) -> DrawRepository: ...

    @property
    def practice(self) -> PracticeRepository: ...

    @property
    def preferences(self) -> PracticePreferenceRepository: ...

    @property
    def reviews(self) -> ReviewRepository: ...

    @property
    def exams(self) -> ExamRepository: ...

    @property
    def key_reports(self) -> KeyReportRepository: ...

    @property
    def media(self) -> MediaRepository: ...

    @property
    def arena(self) -> ArenaRepository: ...

    @property
    def audit(self) -> AuditRepository: ...

    @property
    def scores(self) -> ScoreRepository: ...

    @property
    def publications(self) -> PublicationRepository: ...

    @property
    def handled_updates(self) -> HandledUpdateRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class InviteCodeGenerator(Protocol):
    def __call__(self) -> str: ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""


# Word segmentation and spaced repetition: libraries behind ports, built by the composition root
# (bot/adapters), so no use case imports them or holds their state.


class ScriptConverter(Protocol):
    """Traditional characters (繁體) to simplified, so questions are read in one script."""

    def to_simplified(self, text: str) -> str: ...


class Segmenter(Protocol):
    def segment(self, text: str) -> tuple[str, ...]:
        """The words of `text`, punctuation and spaces included."""
        ...


class ReviewRating(IntEnum):
    """How well a question was answered, as spaced repetition rates a card."""

    Again = 1
    Hard = 2
    Good = 3
    Easy = 4


class ReviewScheduler(Protocol):
    def review(
        self, card: dict[str, Any] | None, rating: ReviewRating, at: datetime
    ) -> tuple[dict[str, Any], datetime]:
        """The card (as stored; None for a question never reviewed) after `rating` at `at`, and
        when the question is due again."""
        ...


# The views: what a use case puts into the outbox, in the recipient's language. Use cases hand
# over domain data and a locale and get the text (HTML, as replies are sent) or the picture;
# the edge implements them (bot.views), so no use case renders anything itself. Times are
# shown in the contest's zone (the snapshot's, or `zone` where no snapshot is given).


class NoticeViews(Protocol):
    def programme_notice(
        self, locale: Locale, snapshot: ContestSnapshot, notice: ProgrammeNotice
    ) -> str: ...


class DrawViews(NoticeViews, Protocol):
    def draw_commitment(self, locale: Locale, snapshot: ContestSnapshot, draw: Draw) -> str: ...

    def draw_reveal(self, locale: Locale, snapshot: ContestSnapshot, draw: Draw) -> str: ...


class ResultViews(Protocol):
    def personal_results(
        self, snapshot: ContestSnapshot, round_: Round, table: Standings, version: int,
        done: Completeness,
    ) -> Callable[[Locale, Person], str]:  # fmt: skip
        """Each contestant's own result in the round, in their language: prepared once for all
        of them."""
        ...

    def track_standings(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, table: Standings,
        track_code: str, version: int,
    ) -> str: ...  # fmt: skip

    def standings_picture(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, table: Standings,
        track_code: str,
    ) -> bytes:  # fmt: skip
        """The track's team standings as a PNG."""

    def withdrawal_notice(self, locale: Locale, round_: Round, version: int, reason: str) -> str:
        """To those who received a round's results: that version is withdrawn, and why."""

    def publication_notice(
        self, locale: Locale, snapshot: ContestSnapshot, round_: Round, version: int,
        head: AuditEntry,
    ) -> str:  # fmt: skip
        """To the notary: the round is published, and the audit trail's head just after."""


class ReminderViews(Protocol):
    def reminder(self, locale: Locale, snapshot: ContestSnapshot, reminder: Reminder) -> str: ...

    def acknowledged_reminder(
        self, locale: Locale, zone: ZoneInfo, original: str, name: str, at: datetime
    ) -> str:
        """The reminder `original` as it reads once `name` acknowledged the turn `at`."""

    def late_acknowledgement(
        self, locale: Locale, snapshot: ContestSnapshot, reminder: Reminder, name: str,
        at: datetime,
    ) -> str:  # fmt: skip
        """To those alerted about the turn: it has been acknowledged after all."""

    def escalation(
        self, locale: Locale, snapshot: ContestSnapshot, reminder: Reminder, minutes: int,
        to_leader: bool, members: Sequence[MemberState],
    ) -> str: ...  # fmt: skip

    def got_it_label(self, locale: Locale) -> str: ...

    def arrived_label(self, locale: Locale) -> str: ...


class ExamViews(Protocol):
    def exam_note(self, locale: Locale, note: str) -> str:
        """The note a mock exam queues for later: "reminder" (time nearly up) or "over"."""


class PracticeViews(Protocol):
    def daily_set_invitation(self, locale: Locale, count: int, due: int) -> str: ...

    def daily_set_start_label(self, locale: Locale) -> str: ...


class Views(DrawViews, ResultViews, ReminderViews, ExamViews, PracticeViews, Protocol):
    """Every view a use case needs; the edges hold one and pass it (or a part) on."""
