"""The small interfaces use cases need: the unit of work over the repositories, the clock, and
the edges' parts (see each); storage/ and the edges implement them."""

from datetime import datetime
from enum import IntEnum
from types import TracebackType
from typing import Any, Protocol, Self

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
