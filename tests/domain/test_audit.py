"""The audit trail: hash-chained entries whose tampering `verify` pinpoints."""

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.domain.audit import (
    GENESIS,
    AuditAction,
    AuditEntry,
    ChainCheck,
    append,
    canonical,
    seal,
    verify,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2024, 9, 26, 13, 30, tzinfo=SHANGHAI)
SUBJECT = "showcase:SC-12345:H07:J3"


def trail(length: int = 5) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for n in range(1, length + 1):
        tail = entries[-1] if entries else None
        before = None if n == 1 else {"score": f"{n + 88}.00"}
        entry = append(
            tail, T0 + timedelta(minutes=n), "J3", AuditAction.SCORE_CORRECTED, SUBJECT,
            before, {"score": f"{n + 89}.00"}, reason=f"correction {n}",
        )  # fmt: skip
        entries.append(entry)
    return entries


def resealed(entry: AuditEntry, **changes: Any) -> AuditEntry:
    """The entry as a forger would write it: changed, and with a hash that matches."""
    e = replace(entry, **changes)
    fields = (e.at, e.actor, e.action, e.subject, e.before, e.after, e.reason, e.previous_hash)
    return seal(e.sequence, *fields)


def broken(check: ChainCheck) -> tuple[int | None, str]:
    return check.first_broken, check.problem.format(**check.params)


def test_a_fresh_trail_verifies() -> None:
    assert verify(trail()) == ChainCheck(ok=True)


def test_an_empty_trail_verifies() -> None:
    assert verify([]).ok


def test_the_first_entry_is_number_one_and_links_to_genesis() -> None:
    first = trail(1)[0]
    assert (first.sequence, first.previous_hash) == (1, GENESIS)
    assert GENESIS == "0" * 64


def test_each_entry_links_to_the_hash_of_the_one_before() -> None:
    entries = trail()
    assert [e.sequence for e in entries] == [1, 2, 3, 4, 5]
    assert [e.previous_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]


def test_times_are_stored_in_utc() -> None:
    assert trail(1)[0].at == datetime(2024, 9, 26, 5, 31, tzinfo=UTC)
    assert trail(1)[0].at.tzinfo is UTC


def test_a_naive_time_is_refused() -> None:
    naive = T0.replace(tzinfo=None)
    with pytest.raises(ValueError, match="timezone-aware"):
        append(None, naive, "cli", AuditAction.DRAW_COMMITTED, "draw:SC", None, None)


@pytest.mark.parametrize("value", [91.5, Decimal("91.50"), True])
def test_floats_decimals_and_booleans_are_refused_callers_write_strings(value: object) -> None:
    with pytest.raises(TypeError, match="strings, integers or None"):
        append(None, T0, "J3", AuditAction.SCORE_ENTERED, SUBJECT, None, {"score": value})  # type: ignore[dict-item]


def test_values_changed_by_the_caller_afterwards_do_not_change_the_entry() -> None:
    after: dict[str, str | int | None] = {"score": "91.50"}
    entry = append(None, T0, "J3", AuditAction.SCORE_ENTERED, SUBJECT, None, after)
    after["score"] = "99.00"
    assert entry.after == {"score": "91.50"}
    assert verify([entry]).ok


def test_a_known_entry_hashes_to_the_sha256_of_its_canonical_json() -> None:
    at = datetime(2024, 9, 26, 13, 31, 2, tzinfo=SHANGHAI)
    after: dict[str, str | int | None] = {"score": "91.50", "rank": 3}
    entry = seal(1, at, "J3", AuditAction.SCORE_ENTERED, SUBJECT, None, after, "评委录入", GENESIS)
    # What a notary rebuilds by hand: every field but the hash, keys sorted, no spaces, UTF-8.
    fields = {
        "sequence": 1, "at": "2024-09-26T05:31:02.000000Z", "actor": "J3",
        "action": "score_entered", "subject": SUBJECT, "before": None,
        "after": {"score": "91.50", "rank": 3}, "reason": "评委录入", "previous_hash": "0" * 64,
    }  # fmt: skip
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert text == (
        '{"action":"score_entered","actor":"J3","after":{"rank":3,"score":"91.50"},'
        '"at":"2024-09-26T05:31:02.000000Z","before":null,"previous_hash":"' + "0" * 64 + '",'
        '"reason":"评委录入","sequence":1,"subject":"showcase:SC-12345:H07:J3"}'
    )
    assert canonical(entry) == text.encode("utf-8")
    assert entry.hash == hashlib.sha256(text.encode("utf-8")).hexdigest()
    # The same as `printf '%s' "$TEXT" | sha256sum`.
    assert entry.hash == "fb4f4f94af5eb342cc7099722d2e4f90ba0e6f7809f3edc149a6f41e3d641a2f"


CHANGES: dict[str, Any] = {
    "actor": "J4",
    "subject": "showcase:SC-12345:H08:J3",
    "before": {"score": "10.00"},
    "after": {"score": "100.00"},
    "at": T0 + timedelta(seconds=1),
    "reason": "",
    "action": AuditAction.SCORE_ENTERED,
    "previous_hash": "f" * 64,
    "hash": "e" * 64,
}


@pytest.mark.parametrize("field", list(CHANGES))
def test_changing_any_field_of_an_entry_names_that_entry(field: str) -> None:
    entries = trail()
    entries[2] = replace(entries[2], **{field: CHANGES[field]})
    check = verify(entries)
    assert not check.ok
    assert broken(check) == (3, "entry 3 was changed after it was written")


def test_an_entry_changed_and_resealed_no_longer_follows_into_the_next() -> None:
    entries = trail()
    entries[2] = resealed(entries[2], after={"score": "100.00"})
    assert broken(verify(entries)) == (4, "entry 4 does not follow entry 3")


def test_a_deleted_entry_is_reported_missing() -> None:
    entries = trail()
    del entries[2]
    assert broken(verify(entries)) == (3, "entry 3 is missing")


def test_a_deleted_first_entry_is_reported_missing() -> None:
    assert broken(verify(trail()[1:])) == (1, "entry 1 is missing")


def test_a_trail_cut_short_still_verifies_only_a_noted_hash_shows_it() -> None:
    entries = trail()
    assert verify(entries[:3]).ok
    assert entries[:3][-1].hash != entries[-1].hash


def test_the_order_entries_are_read_in_does_not_matter() -> None:
    entries = trail()
    entries[1], entries[3] = entries[3], entries[1]
    assert verify(entries).ok


def test_two_entries_swapped_and_renumbered_are_detected_at_the_first() -> None:
    entries = trail()
    second, fourth = entries[1], entries[3]
    entries[1], entries[3] = replace(fourth, sequence=2), replace(second, sequence=4)
    assert broken(verify(entries)) == (2, "entry 2 was changed after it was written")


def test_two_entries_swapped_and_resealed_break_the_link_at_the_first() -> None:
    entries = trail()
    second, third = entries[1], entries[2]
    entries[1], entries[2] = resealed(third, sequence=2), resealed(second, sequence=3)
    assert broken(verify(entries)) == (2, "entry 2 does not follow entry 1")


def test_an_entry_inserted_under_a_taken_number_is_reported() -> None:
    entries = trail()
    forged = append(entries[1], T0, "J3", AuditAction.SCORE_ENTERED, SUBJECT, None, None)
    assert broken(verify([*entries, forged])) == (3, "entry 3 appears twice")


def test_a_first_entry_not_linked_to_genesis_is_reported() -> None:
    entries = trail()
    entries[0] = resealed(entries[0], previous_hash="f" * 64)
    assert broken(verify(entries)) == (1, "entry 1 does not start the trail")


# Property-based: any trail verifies; any single change is found exactly where it was made.

texts = st.text(max_size=12)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis adds the zone
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.sampled_from([UTC, SHANGHAI, ZoneInfo("America/New_York")]),
)
values = st.none() | st.dictionaries(
    texts, st.none() | st.integers() | texts, max_size=3
)  # fmt: skip
hashes = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)
FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "at": moments,
    "actor": texts,
    "action": st.sampled_from(AuditAction),
    "subject": texts,
    "before": values,
    "after": values,
    "reason": texts,
    "previous_hash": hashes,
    "hash": hashes,
}


@st.composite
def trails(draw: st.DrawFn, min_size: int = 0) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for _ in range(draw(st.integers(min_size, 6))):
        fields = [draw(FIELDS[name]) for name in list(FIELDS)[:-2]]
        entries.append(append(entries[-1] if entries else None, *fields))
    return entries


@given(trails())
def test_any_trail_verifies(entries: list[AuditEntry]) -> None:
    assert verify(entries).ok


@given(trails(min_size=1), st.data())
def test_any_single_change_is_reported_at_the_entry_changed(
    entries: list[AuditEntry], data: st.DataObject
) -> None:
    position = data.draw(st.integers(1, len(entries)))
    field = data.draw(st.sampled_from(list(FIELDS)))
    old = getattr(entries[position - 1], field)
    new = data.draw(FIELDS[field])
    assume(new != old)
    entries[position - 1] = replace(entries[position - 1], **{field: new})
    check = verify(entries)
    assert (check.ok, check.first_broken) == (False, position)
