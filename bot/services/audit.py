"""Writing to the audit trail, and checking it: who did what, when, from what to what."""

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

    @property
    def older(self) -> int | None:
        """Where the page before this one ends (exclusive); None when this page starts the trail."""
        first = self.entries[0].sequence if self.entries else 1
        return first if first > 1 else None


async def trail_page(uow: UnitOfWork, below: int | None, size: int) -> TrailPage:
    """The `size` entries numbered just below `below` (the latest ones when None)."""
    entries = await uow.audit.entries()
    shown = [e for e in entries if below is None or e.sequence < below][-size:]
    return TrailPage(verify(entries), len(entries), tuple(shown))


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A stored score that differs from what the trail last recorded for it."""

    subject: str
    stored: str | None  # None: not in the database
    recorded: str | None  # None: never recorded in the trail
    sequence: int | None = None  # the trail's last entry about it


async def reconcile(uow: UnitOfWork) -> list[Mismatch]:
    """Compares every stored showcase and theory score with the trail's latest value for it,
    so a score changed in the database behind the bot's back is named."""
    recorded: dict[str, tuple[str | None, int]] = {}
    for entry in _since_last_replacement(await uow.audit.entries()):
        if entry.action in SCORES and entry.after is not None:
            recorded[entry.subject] = (_value(entry.after), entry.sequence)
    stored: dict[str, str | None] = {}
    rounds = {subject.split(":")[1] for subject in recorded if subject.startswith("showcase:")}
    for round_code in sorted(rounds | set(await uow.scores.showcase_rounds())):
        for team, judges in (await uow.scores.showcase(round_code)).items():
            for judge, score in judges.items():
                stored[f"showcase:{round_code}:{team}:{judge}"] = str(score)
    for code, (paper, essay) in (await uow.scores.theory()).items():
        essay_text = str(essay) if essay is not None else None
        stored[f"theory:{code}"] = _value({"paper": str(paper), "essay": essay_text})
    found = []
    for subject in sorted(stored.keys() | recorded.keys()):
        value, sequence = recorded.get(subject, (None, None))
        if stored.get(subject) != value:
            found.append(Mismatch(subject, stored.get(subject), value, sequence))
    return found


def _since_last_replacement(entries: list[AuditEntry]) -> list[AuditEntry]:
    """The scores recorded before a contest was replaced were removed with it."""
    starts = [i for i, e in enumerate(entries) if e.action is AuditAction.CONTEST_REPLACED]
    return entries[starts[-1] + 1 :] if starts else entries


SCORES = {AuditAction.SCORE_ENTERED, AuditAction.SCORE_CORRECTED, AuditAction.THEORY_IMPORTED}


def _value(values: Values) -> str | None:
    """One comparable text for a recorded value: the score, or paper/essay."""
    if values is None:
        return None
    if "score" in values:
        return str(values["score"])
    return f"{values.get('paper')}/{values.get('essay')}"
