"""The anchor: a trail rewritten with recomputed hashes, or emptied, no longer holds the head hash
the notary wrote down, and the check says so."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, update

from bot.domain.audit import GENESIS, AuditAction, AuditEntry, seal
from bot.services.audit import record
from bot.services.audit_verify import SHORTEST_ANCHOR, Verdict, find_anchor, verify_trail
from storage.database import Database
from storage.models import AuditRow

NOW = datetime(2024, 9, 26, 6, 0, tzinfo=UTC)


async def written(database: Database, count: int = 3) -> list[AuditEntry]:
    async with database.unit_of_work() as uow:
        for n in range(count):
            await record(uow, NOW, "ORG1", AuditAction.BROADCAST_SENT, f"broadcast:{n + 1}",
                         after={"recipients": 10 + n})  # fmt: skip
        await uow.commit()
        return await uow.audit.entries()


async def verdict(database: Database, expect: str | None) -> Verdict:
    async with database.unit_of_work() as uow:
        return await verify_trail(uow, expect)


def resealed(entries: list[AuditEntry]) -> list[AuditEntry]:
    """The trail rewritten from the start, every hash recomputed: the chain itself holds."""
    previous, rewritten = GENESIS, []
    for entry in entries:
        after = {"recipients": 99} if entry.sequence == 1 else entry.after
        new = seal(entry.sequence, entry.at, entry.actor, entry.action, entry.subject,
                   entry.before, after, entry.reason, previous)  # fmt: skip
        rewritten.append(new)
        previous = new.hash
    return rewritten


async def test_the_head_written_down_is_found(database: Database) -> None:
    head = (await written(database))[-1]
    found = await verdict(database, head.hash[:16])
    assert (found.check.ok, found.anchored, found.anchor) == (True, True, head)
    assert (found.head, found.count) == (head, 3)


async def test_a_trail_rewritten_with_recomputed_hashes_holds_but_loses_the_anchor(
    database: Database,
) -> None:
    entries = await written(database)
    async with database.engine.begin() as connection:
        for entry in resealed(entries):
            await connection.execute(
                update(AuditRow).where(AuditRow.sequence == entry.sequence).values(
                    after=dict(entry.after or {}), previous_hash=entry.previous_hash,
                    hash=entry.hash,
                )
            )  # fmt: skip
    found = await verdict(database, entries[-1].hash[:16])
    assert found.check.ok
    assert (found.anchored, found.anchor) == (False, None)


async def test_an_emptied_trail_loses_the_anchor(database: Database) -> None:
    head = (await written(database))[-1]
    async with database.engine.begin() as connection:
        await connection.execute(delete(AuditRow))
    found = await verdict(database, head.hash)
    assert found.check.ok
    assert (found.count, found.head, found.anchored) == (0, None, False)


async def test_an_earlier_hash_still_anchors_a_trail_that_grew(database: Database) -> None:
    first = (await written(database, 1))[0]
    await written(database, 2)
    found = await verdict(database, first.hash[:SHORTEST_ANCHOR].upper())
    assert found.anchor == first


async def test_without_an_expected_hash_nothing_is_asked_of_the_anchor(database: Database) -> None:
    await written(database)
    found = await verdict(database, None)
    assert (found.anchored, found.anchor) == (True, None)


@pytest.mark.parametrize("expected", ["", "abc", "1234567"])
def test_a_true_prefix_shorter_than_eight_digits_anchors_nothing(expected: str) -> None:
    entry = seal(1, NOW, "ORG1", AuditAction.BROADCAST_SENT, "broadcast:1", None, None, "",
                 GENESIS)  # fmt: skip
    entry = replace(entry, hash="1234567" + entry.hash[7:])
    assert find_anchor([entry], expected) is None
