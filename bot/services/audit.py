"""Writing to the audit trail, and checking it: who did what, when, from what to what."""

from datetime import datetime

from bot.domain.audit import AuditAction, AuditEntry, ChainCheck, Values, verify
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork

COMMAND_LINE = "cli"


def actor(snapshot: ContestSnapshot | None, person_id: int | None) -> str:
    """The person's code, as the notary knows them; 'cli' for the command line."""
    people = snapshot.data.people if snapshot else ()
    found = next((p for p in people if person_id is not None and p.id == person_id), None)
    return found.code if found else COMMAND_LINE


async def record(
    uow: UnitOfWork,
    now: datetime,
    who: str,
    action: AuditAction,
    subject: str,
    before: Values = None,
    after: Values = None,
    reason: str = "",
) -> AuditEntry:
    """Appends in the caller's transaction: the entry stands or falls with the change itself."""
    return await uow.audit.append(now, who, action, subject, before, after, reason)


async def check(uow: UnitOfWork) -> tuple[ChainCheck, int]:
    entries = await uow.audit.entries()
    return verify(entries), len(entries)
