"""One transaction per unit of work: commit is explicit, anything else rolls back.

The session is only created when a repository is first used, so an update answered from the
caches costs no database work at all.
"""

from collections.abc import Callable
from types import TracebackType
from typing import Self, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.account_repository import SqlAccountRepository
from storage.arena_repository import SqlArenaRepository
from storage.audit_repository import SqlAuditRepository
from storage.broadcast_repository import SqlBroadcastRepository
from storage.check_in_repository import SqlCheckInRepository
from storage.contest_repository import SqlContestRepository
from storage.draw_repository import SqlDrawRepository
from storage.exam_repository import SqlExamRepository
from storage.follow_repository import SqlFollowRepository
from storage.handled_update_repository import SqliteUpdateRecord, SqlUpdateRecord
from storage.key_report_repository import SqlKeyReportRepository
from storage.media_repository import SqlMediaRepository
from storage.outbox_repository import SqlOutboxRepository
from storage.practice_preference_repository import SqlPracticePreferenceRepository
from storage.practice_repository import SqlPracticeRepository
from storage.publication_repository import SqlPublicationRepository
from storage.reminder_repository import SqlReminderRepository
from storage.review_repository import SqlReviewRepository
from storage.score_repository import SqlScoreRepository
from storage.stage_event_repository import SqlStageEventRepository
from storage.team_chat_repository import SqlTeamChatRepository

Repository = TypeVar("Repository")


class SqlUnitOfWork:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        updates: SqlUpdateRecord | SqliteUpdateRecord,
    ) -> None:
        self._sessions = sessions
        self._updates = updates
        self._session: AsyncSession | None = None
        self._repositories: dict[type, object] = {}

    @property
    def contest(self) -> SqlContestRepository:
        return self._repository(SqlContestRepository)

    @property
    def accounts(self) -> SqlAccountRepository:
        return self._repository(SqlAccountRepository)

    @property
    def outbox(self) -> SqlOutboxRepository:
        return self._repository(SqlOutboxRepository)

    @property
    def broadcasts(self) -> SqlBroadcastRepository:
        return self._repository(SqlBroadcastRepository)

    @property
    def team_chats(self) -> SqlTeamChatRepository:
        return self._repository(SqlTeamChatRepository)

    @property
    def follows(self) -> SqlFollowRepository:
        return self._repository(SqlFollowRepository)

    @property
    def check_ins(self) -> SqlCheckInRepository:
        return self._repository(SqlCheckInRepository)

    @property
    def stage_events(self) -> SqlStageEventRepository:
        return self._repository(SqlStageEventRepository)

    @property
    def reminders(self) -> SqlReminderRepository:
        return self._repository(SqlReminderRepository)

    @property
    def draws(self) -> SqlDrawRepository:
        return self._repository(SqlDrawRepository)

    @property
    def practice(self) -> SqlPracticeRepository:
        return self._repository(SqlPracticeRepository)

    @property
    def preferences(self) -> SqlPracticePreferenceRepository:
        return self._repository(SqlPracticePreferenceRepository)

    @property
    def reviews(self) -> SqlReviewRepository:
        return self._repository(SqlReviewRepository)

    @property
    def exams(self) -> SqlExamRepository:
        return self._repository(SqlExamRepository)

    @property
    def key_reports(self) -> SqlKeyReportRepository:
        return self._repository(SqlKeyReportRepository)

    @property
    def media(self) -> SqlMediaRepository:
        return self._repository(SqlMediaRepository)

    @property
    def arena(self) -> SqlArenaRepository:
        return self._repository(SqlArenaRepository)

    @property
    def audit(self) -> SqlAuditRepository:
        return self._repository(SqlAuditRepository)

    @property
    def scores(self) -> SqlScoreRepository:
        return self._repository(SqlScoreRepository)

    @property
    def publications(self) -> SqlPublicationRepository:
        return self._repository(SqlPublicationRepository)

    @property
    def handled_updates(self) -> SqlUpdateRecord | SqliteUpdateRecord:
        """Outside this unit of work's transaction, on purpose (see the module it comes from)."""
        return self._updates

    def _repository(self, kind: Callable[[AsyncSession], Repository]) -> Repository:
        """One repository of each kind per unit of work, all on the one session."""
        found = self._repositories.get(kind)  # type: ignore[call-overload]
        if found is None:
            if self._session is None:
                self._session = self._sessions()
            found = self._repositories[kind] = kind(self._session)  # type: ignore[index]
        return found  # type: ignore[no-any-return]

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        self._repositories.clear()
        if session is None:
            return
        try:
            await session.rollback()
        finally:
            await session.close()

    async def commit(self) -> None:
        if self._session is not None:
            await self._session.commit()

    async def rollback(self) -> None:
        if self._session is not None:
            await self._session.rollback()
