"""Telling each team what changed in its programme, once per change."""

from datetime import datetime

from bot.domain.contest import ContestData
from bot.domain.outbox import Priority
from bot.domain.schedule_changes import team_changes
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork
from bot.services.readers import bound_accounts, readers
from bot.texts.reminders import change_text


async def notify_changes(
    uow: UnitOfWork, old: ContestData | None, new: ContestData, now: datetime
) -> int:
    """Queues one notice per change to each joined member of the team; returns how many."""
    if old is None:
        return 0  # a first import changes nobody's programme
    changes = team_changes(old, new)
    if not changes:
        return 0
    snapshot = ContestSnapshot.build(new, revision=0)
    accounts = await bound_accounts(uow)
    deliveries = [
        reader.message(change.key, change_text(reader.t, snapshot, change), Priority.REMINDER)
        for change in changes
        for reader in await readers(
            uow, snapshot, snapshot.members.get(change.team_code, ()), accounts
        )
    ]
    return await uow.outbox.enqueue(deliveries, now)
