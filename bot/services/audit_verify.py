"""The notary's check of the trail: its links, its anchor, and the tables against it.

The chain alone cannot tell a trail rewritten from scratch (every hash recomputed), or emptied
together with the scores, from an honest one. So the head hash is shown with every /audit, every
export and every publication notice to the notary, who writes it down; a later check given that
hash (`expect`) fails unless the trail still holds an entry with it.

The tables are compared with what the trail last recorded: every showcase and theory score, and
every arena round's standing events and board version, so a change made in the database behind
the bot's back is named.
"""

from dataclasses import dataclass

from bot.domain.audit import AuditAction, AuditEntry, ChainCheck, Values, verify
from bot.domain.enums import RoundKind
from bot.services.arena import describe
from bot.services.ports import UnitOfWork

# The fewest hex digits of a written-down hash that name it (one chance in four billion to
# match another entry's by accident).
SHORTEST_ANCHOR = 8
SCORES = {AuditAction.SCORE_ENTERED, AuditAction.SCORE_CORRECTED, AuditAction.THEORY_IMPORTED}
ARENA = {AuditAction.ARENA_EVENT, AuditAction.ARENA_UNDONE}


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A stored score that differs from what the trail last recorded for it."""

    subject: str
    stored: str | None  # None: not in the database
    recorded: str | None  # None: never recorded in the trail
    sequence: int | None = None  # the trail's last entry about it


@dataclass(frozen=True, slots=True)
class Verdict:
    check: ChainCheck
    count: int  # entries in the trail
    head: AuditEntry | None  # the latest entry; None for an empty trail
    mismatches: tuple[Mismatch, ...]  # looked for only when the chain holds
    expected: str | None = None  # the hash (or its beginning) the trail must still hold
    anchor: AuditEntry | None = None  # the entry with the expected hash, when found

    @property
    def anchored(self) -> bool:
        return self.expected is None or self.anchor is not None


async def verify_trail(uow: UnitOfWork, expect: str | None = None) -> Verdict:
    """Every link, the tables against the trail, and (with `expect`, a hash or at least its
    first `SHORTEST_ANCHOR` hex digits) whether the trail still passes through that hash."""
    entries = await uow.audit.entries()
    check = verify(entries)
    mismatches = tuple(await _reconcile(uow, entries)) if check.ok else ()
    head = entries[-1] if entries else None
    anchor = find_anchor(entries, expect) if expect is not None else None
    return Verdict(check, len(entries), head, mismatches, expect, anchor)


def find_anchor(entries: list[AuditEntry], expected: str) -> AuditEntry | None:
    """The entry whose hash begins with `expected`; None for anything shorter than an anchor."""
    wanted = expected.strip().lower()
    if len(wanted) < SHORTEST_ANCHOR:
        return None
    return next((e for e in entries if e.hash.startswith(wanted)), None)


async def reconcile(uow: UnitOfWork) -> list[Mismatch]:
    """Every stored score and arena event that differs from the trail's latest word on it."""
    return await _reconcile(uow, await uow.audit.entries())


async def _reconcile(uow: UnitOfWork, entries: list[AuditEntry]) -> list[Mismatch]:
    current = _since_last_replacement(entries)
    return [*await _score_mismatches(uow, current), *await _arena_mismatches(uow, current)]


async def _score_mismatches(uow: UnitOfWork, entries: list[AuditEntry]) -> list[Mismatch]:
    recorded: dict[str, tuple[str | None, int]] = {}
    for entry in entries:
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


@dataclass
class _RecordedRound:
    """An arena round as the trail tells it: its standing events, each with its entry."""

    standing: list[tuple[str, int]]
    version: int = 0  # one more with every event and every undo, like the board's
    last: int = 0  # the trail's latest entry about the round


async def _arena_mismatches(uow: UnitOfWork, entries: list[AuditEntry]) -> list[Mismatch]:
    """Position by position, `arena:<round>:<n>` for the round's n-th standing event; when
    those agree, `arena:<round>:version`, which also counts the undone events."""
    recorded: dict[str, _RecordedRound] = {}
    for entry in entries:
        if entry.action not in ARENA:
            continue
        arena_round = recorded.setdefault(entry.subject.removeprefix("arena:"), _RecordedRound([]))
        if entry.action is AuditAction.ARENA_EVENT:
            arena_round.standing.append((_facts(entry.after), entry.sequence))
        elif arena_round.standing:
            arena_round.standing.pop()
        arena_round.version += 1
        arena_round.last = entry.sequence
    data = await uow.contest.load()
    rounds = (
        {r.code for r in data.rounds if r.kind is RoundKind.ARENA_PRELIMINARY} if data else set()
    )
    found: list[Mismatch] = []
    for round_code in sorted(rounds | recorded.keys()):
        told = recorded.get(round_code, _RecordedRound([]))
        stored = [_facts(describe(event)) for event in await uow.arena.events(round_code)]
        differing = []
        for n in range(1, max(len(stored), len(told.standing)) + 1):
            here = stored[n - 1] if n <= len(stored) else None
            there, sequence = told.standing[n - 1] if n <= len(told.standing) else (None, None)
            if here != there:
                differing.append(Mismatch(f"arena:{round_code}:{n}", here, there, sequence))
        version = await uow.arena.count(round_code)
        if not differing and version != told.version:
            differing.append(Mismatch(f"arena:{round_code}:version", str(version),
                                      str(told.version), told.last or None))  # fmt: skip
        found += differing
    return found


def _since_last_replacement(entries: list[AuditEntry]) -> list[AuditEntry]:
    """The scores recorded before a contest was replaced were removed with it."""
    starts = [i for i, e in enumerate(entries) if e.action is AuditAction.CONTEST_REPLACED]
    return entries[starts[-1] + 1 :] if starts else entries


def _value(values: Values) -> str | None:
    """One comparable text for a recorded value: the score, or paper/essay."""
    if values is None:
        return None
    if "score" in values:
        return str(values["score"])
    return f"{values.get('paper')}/{values.get('essay')}"


def _facts(values: Values) -> str:
    """One comparable text for an arena event: 'kind=buzz outcome=correct team=H14'."""
    return " ".join(f"{key}={value}" for key, value in sorted((values or {}).items()))
