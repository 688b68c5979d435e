"""What the database holds for the loaded contest, and removing all of it but the audit trail.

Results are stored by code (team, round, person), so a contest imported over another one would
inherit them; a replacement therefore removes them with the contest's own rows.
"""

from collections.abc import Mapping

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.changes import Holding
from bot.domain.outbox import Status
from storage.models import (
    AccountRow,
    ArenaEventRow,
    Base,
    CheckInRow,
    DeliveryRow,
    DrawRow,
    ExamRow,
    FollowRow,
    PersonRow,
    PracticeAnswerRow,
    PublicationRequestRow,
    PublicationRow,
    PublicationWithdrawalRow,
    QuestionRow,
    ReminderRow,
    RoundRow,
    ShowcaseScoreRow,
    SlotRow,
    StageEventRow,
    TeamChatRow,
    TeamRow,
    TheoryScoreRow,
    TrackRow,
    TurnAcknowledgementRow,
    VenueRow,
)

PENDING = (Status.PENDING, Status.SENDING)


def _count(model: type[Base]) -> Select[int]:
    return select(func.count()).select_from(model)


COUNTS: Mapping[Holding, tuple[Select[int], ...]] = {
    Holding.TEAMS: (_count(TeamRow),),
    Holding.PEOPLE: (_count(PersonRow),),
    Holding.ACCOUNTS: (_count(AccountRow).where(AccountRow.person_id.is_not(None)),),
    Holding.SCHEDULE: (_count(SlotRow),),
    Holding.QUESTIONS: (_count(QuestionRow),),
    Holding.SCORES: (_count(ShowcaseScoreRow), _count(TheoryScoreRow)),
    Holding.ARENA_EVENTS: (_count(ArenaEventRow),),
    Holding.PUBLICATIONS: (_count(PublicationRow), _count(PublicationWithdrawalRow)),
    Holding.DRAWS: (_count(DrawRow),),
    Holding.CHECK_INS: (_count(CheckInRow),),
    Holding.EXAMS: (_count(ExamRow),),
    Holding.PRACTICE_ANSWERS: (_count(PracticeAnswerRow),),
    Holding.TEAM_CHATS: (_count(TeamChatRow),),
    Holding.FOLLOWS: (_count(FollowRow),),
    Holding.PENDING_MESSAGES: (_count(DeliveryRow).where(DeliveryRow.status.in_(PENDING)),),
}

# Children before parents; deleting people takes their check-ins, exams, practice and the like
# with them (ON DELETE CASCADE) and unbinds their accounts (SET NULL).
REMOVED_IN_ORDER: tuple[type[Base], ...] = (
    ShowcaseScoreRow,
    TheoryScoreRow,
    ArenaEventRow,
    PublicationRequestRow,
    PublicationWithdrawalRow,
    PublicationRow,
    DrawRow,
    StageEventRow,
    TurnAcknowledgementRow,
    ReminderRow,
    TeamChatRow,
    FollowRow,
    QuestionRow,
    SlotRow,
    RoundRow,
    PersonRow,
    TeamRow,
    TrackRow,
    VenueRow,
)


async def holdings(session: AsyncSession) -> dict[Holding, int]:
    found: dict[Holding, int] = {}
    for kind, queries in COUNTS.items():
        counts: list[int] = [await session.scalar(query) or 0 for query in queries]
        found[kind] = sum(counts)
    return found


async def remove_contest_data(session: AsyncSession) -> None:
    """Everything of the loaded contest but its contest row (whose revision caches follow)
    and the audit trail; messages not sent yet are cancelled, accounts unbound."""
    await session.execute(
        update(DeliveryRow).where(DeliveryRow.status.in_(PENDING)).values(status=Status.CANCELLED)
    )
    await session.execute(update(AccountRow).values(person_id=None, bound_at=None))
    for model in REMOVED_IN_ORDER:
        await session.execute(delete(model))
    session.expunge_all()
