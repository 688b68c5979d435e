"""Writing to the audit trail, and reading it: who did what, when, from what to what.

The notary's full check (the anchor, the tables against the trail) is bot.services.audit_verify.
"""

from dataclasses import dataclass
from datetime import datetime

from bot.domain.audit import AuditAction, AuditEntry, ChainCheck, Values, verify
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork

COMMAND_LINE = "cli"


def actor(snapshot: ContestSnapshot | None, person_id: int | None) -> str:
    """The person's code, as the notary knows them; 'cli' for the command line."""
    found = snapshot.people.get(person_id) if snapshot and person_id is not None else None
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


@dataclass(frozen=True, slots=True)
class TrailPage:
    """Some consecutive entries of the trail, with the check of the whole chain."""

    check: ChainCheck
    total: int
    entries: tuple[AuditEntry, ...]  # oldest first
    head: AuditEntry | None  # the latest entry of the trail, whose hash the notary writes down

    @property
    def older(self) -> int | None:
        """Where the page before this one ends (exclusive); None when this page starts the trail."""
        first = self.entries[0].sequence if self.entries else 1
        return first if first > 1 else None


async def trail_page(uow: UnitOfWork, below: int | None, size: int) -> TrailPage:
    """The `size` entries numbered just below `below` (the latest ones when None)."""
    entries = await uow.audit.entries()
    shown = [e for e in entries if below is None or e.sequence < below][-size:]
    head = entries[-1] if entries else None
    return TrailPage(verify(entries), len(entries), tuple(shown), head)
