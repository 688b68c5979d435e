"""Telling each person what changed in their programme: one message per import or draw."""

from datetime import datetime

from bot.domain.contest import ContestData
from bot.domain.outbox import Priority
from bot.domain.schedule_changes import notices_by_team, team_changes
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import NoticeViews, UnitOfWork
from bot.services.readers import bound_accounts, readers


async def notify_changes(
    uow: UnitOfWork, old: ContestData | None, new: ContestData, now: datetime, views: NoticeViews
) -> int:
    """Queues, for each joined member of a team concerned, one notice listing every change of
    the team's programme; returns how many were queued."""
    if old is None:
        return 0  # a first import changes nobody's programme
    changes = team_changes(old, new)
    if not changes:
        return 0
    snapshot = ContestSnapshot.build(new, revision=0)
    accounts = await bound_accounts(uow)
    deliveries = [
        reader.message(
            notice.key, views.programme_notice(reader.locale, snapshot, notice), Priority.REMINDER
        )
        for team_code, notice in notices_by_team(changes).items()
        for reader in await readers(uow, snapshot, snapshot.members.get(team_code, ()), accounts)
    ]
    return await uow.outbox.enqueue(deliveries, now)
