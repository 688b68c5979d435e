"""The audit trail: every score change, publication, draw and broadcast, hash-chained.

Entries are numbered 1, 2, 3 … without gaps. Each one is sealed with a hash that covers its own
content and the hash of the entry before it (`GENESIS`, 64 zeros, for entry 1), so changing,
deleting, inserting or reordering an entry breaks the chain at that point. The chain alone cannot
show a trail cut short or rewritten from scratch: the notary writes down the latest hash from
time to time, and any later trail must still pass through it.

An entry's hash is the lowercase hex SHA-256 of its canonical form: the UTF-8 bytes of one JSON
object holding every field except `hash`, for example (one line, no newline at the end):

    {"action":"score_entered","actor":"J3","after":{"score":"91.50"},
     "at":"2024-09-26T05:31:02.000000Z","before":null,"previous_hash":"000…000",
     "reason":"","sequence":1,"subject":"showcase:SC-12345:H07:J3"}

1. Keys are sorted by code point, inside `before` and `after` too; no whitespace between tokens;
   characters beyond ASCII are written as themselves, not as \\u escapes.
2. `sequence` is an integer; `action` its lowercase value; `at` the time in UTC, ISO 8601 with
   six digits of microseconds and a `Z`; `actor`, `subject`, `reason` and `previous_hash` are
   strings; `before` and `after` are `null` or objects whose values are strings, integers or
   `null`. There are no floats: callers write decimals as strings (`str(Decimal("91.50"))`).

In Python this is `json.dumps(fields, sort_keys=True, separators=(",", ":"),
ensure_ascii=False).encode("utf-8")`. With an exported entry on one JSON line,
`jq -cjS 'del(.hash)' <<< "$LINE" | sha256sum` prints its hash, as long as its text holds no
DEL character (jq escapes it) and its integers stay under 2**53 (jq 1.6 rounds them).
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from bot.domain.problems import N_

GENESIS = "0" * 64

Value = str | int | None
Values = Mapping[str, Value] | None


class AuditAction(StrEnum):
    SCORE_ENTERED = "score_entered"
    SCORE_CORRECTED = "score_corrected"
    ARENA_EVENT = "arena_event"
    ARENA_UNDONE = "arena_undone"
    THEORY_IMPORTED = "theory_imported"
    ROUND_PUBLISHED = "round_published"
    CORRECTION_PUBLISHED = "correction_published"
    DRAW_COMMITTED = "draw_committed"
    DRAW_REVEALED = "draw_revealed"
    BROADCAST_SENT = "broadcast_sent"
    PUBLICATION_WITHDRAWN = "publication_withdrawn"
    CONTEST_REPLACED = "contest_replaced"


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    sequence: int
    at: datetime
    actor: str  # a person code, "cli" or "system"
    action: AuditAction
    subject: str  # what changed, e.g. "showcase:SC-12345:H07:J3"
    before: Values
    after: Values
    reason: str = ""
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    # The sequence number where the chain first breaks, with an untranslated message id.
    first_broken: int | None = None
    problem: str = ""
    params: dict[str, int] = field(default_factory=dict)


def canonical(entry: AuditEntry) -> bytes:
    """The bytes the hash covers: every field but `hash` (format in the module docstring)."""
    fields: dict[str, Any] = {
        "sequence": entry.sequence,
        "at": _utc(entry.at).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z",
        "actor": entry.actor,
        "action": AuditAction(entry.action).value,
        "subject": entry.subject,
        "before": None if entry.before is None else dict(entry.before),
        "after": None if entry.after is None else dict(entry.after),
        "reason": entry.reason,
        "previous_hash": entry.previous_hash,
    }
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def digest(entry: AuditEntry) -> str:
    """The hash the entry should carry, recomputed from its content."""
    return hashlib.sha256(canonical(entry)).hexdigest()


def seal(
    sequence: int,
    at: datetime,
    actor: str,
    action: AuditAction,
    subject: str,
    before: Values,
    after: Values,
    reason: str,
    previous_hash: str,
) -> AuditEntry:
    """The entry with these fields, `at` in UTC, and its hash."""
    if sequence < 1:
        raise ValueError("audit sequence numbers start at 1")
    entry = AuditEntry(
        sequence=sequence,
        at=_utc(at),
        actor=actor,
        action=AuditAction(action),
        subject=subject,
        before=_frozen(before),
        after=_frozen(after),
        reason=reason,
        previous_hash=previous_hash,
        hash="",
    )
    return replace(entry, hash=digest(entry))


def append(
    chain_tail: AuditEntry | None,
    at: datetime,
    actor: str,
    action: AuditAction,
    subject: str,
    before: Values,
    after: Values,
    reason: str = "",
) -> AuditEntry:
    """The next entry after `chain_tail` (the first entry when the trail is empty)."""
    sequence = 1 if chain_tail is None else chain_tail.sequence + 1
    previous_hash = GENESIS if chain_tail is None else chain_tail.hash
    return seal(sequence, at, actor, action, subject, before, after, reason, previous_hash)


def verify(entries: Iterable[AuditEntry]) -> ChainCheck:
    """Walks the entries by sequence number and reports the first broken link, if any.

    For each entry, in this order: no number is skipped before it (else that number is
    missing), its hash matches its content (else it was changed), its number is not taken
    already (else it appears twice), and its `previous_hash` is the hash of the entry before
    (`GENESIS` for entry 1; else it does not follow that entry). The order the entries come
    in plays no part: their numbers do.
    """
    expected, previous_hash = 1, GENESIS
    for entry in sorted(entries, key=lambda e: e.sequence):
        sequence = entry.sequence
        if sequence > expected:
            return _broken(expected, N_("entry {sequence} is missing"))
        if not _digest_matches(entry):
            message = N_("entry {sequence} was changed after it was written")
            return _broken(sequence, message)
        if sequence < expected:
            return _broken(sequence, N_("entry {sequence} appears twice"))
        if entry.previous_hash != previous_hash:
            if sequence == 1:
                return _broken(1, N_("entry {sequence} does not start the trail"))
            message = N_("entry {sequence} does not follow entry {previous}")
            return _broken(sequence, message, previous=sequence - 1)
        expected, previous_hash = sequence + 1, entry.hash
    return ChainCheck(ok=True)


def _broken(sequence: int, message: str, **params: int) -> ChainCheck:
    params = {"sequence": sequence, **params}
    return ChainCheck(ok=False, first_broken=sequence, problem=message, params=params)


def _digest_matches(entry: AuditEntry) -> bool:
    try:
        return digest(entry) == entry.hash
    except (TypeError, ValueError):  # content no honest entry can hold
        return False


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(UTC)


def _frozen(values: Values) -> Values:
    if values is None:
        return None
    for key, value in values.items():
        if not isinstance(key, str):
            raise TypeError(f"audit value names must be strings, not {key!r}")
        if isinstance(value, bool) or not isinstance(value, str | int | None):
            raise TypeError(f"audit values are strings, integers or None, not {value!r}")
    return MappingProxyType(dict(values))
