"""kill -9 of a real sender process mid-send: its claims are renewed while it lives, and taken
over by another sender once a lease has passed since its last renewal.

Run as a module, this file is the child: a sender whose every send hangs, renewing fast.
"""

import asyncio
import os
import signal
import sys
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain.outbox import CLAIM_LEASE, Delivery, Status
from bot.services.clock import SystemClock
from bot.services.sender import Sender, SendResult
from storage.database import Database
from storage.models import DeliveryRow
from tests.fakes.clock import FakeClock
from tests.services.test_sender import NOW, ScriptedTransport, announcement, enqueue, report
from tests.services.test_sender_claims import sender

RENEW_FAST = timedelta(milliseconds=50)


class HangingTransport:
    async def send(self, delivery: Delivery) -> SendResult:
        await asyncio.Event().wait()
        raise AssertionError("never answers")


async def child(url: str) -> None:
    database = await Database.open(url, migrate=False)
    hanging = Sender(
        database.unit_of_work, HangingTransport(), SystemClock(), renew_every=RENEW_FAST
    )
    await hanging.run(asyncio.Event())


async def claims(database: Database) -> list[datetime | None]:
    query = select(DeliveryRow.claimed_at).where(DeliveryRow.status == Status.SENDING)
    async with database.engine.connect() as connection:
        return list((await connection.scalars(query)).all())


async def renewed_claims(database: Database, count: int) -> None:
    """Waits until the child holds `count` claims and has renewed them at least once."""
    first: datetime | None = None
    while True:
        held = await claims(database)
        if len(held) == count and all(held):
            latest = max(moment for moment in held if moment)
            if first is None:
                first = latest
            elif latest > first:
                return
        await asyncio.sleep(0.02)


async def test_a_killed_sender_process_is_taken_over_a_lease_after_its_last_renewal(
    database: Database, database_url: str
) -> None:
    await enqueue(database, *(announcement(chat) for chat in (1, 2, 3)))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.services.test_sender_process", database_url
    )
    try:
        await asyncio.wait_for(renewed_claims(database, 3), timeout=60)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        await process.wait()
    last_renewal = max(moment for moment in await claims(database) if moment)
    clock, transport = FakeClock(NOW), ScriptedTransport()
    survivor = sender(database, transport, clock)
    clock.moment = last_renewal + CLAIM_LEASE - timedelta(milliseconds=1)
    assert await survivor.heartbeat() == 0
    clock.moment = last_renewal + CLAIM_LEASE
    assert await survivor.heartbeat() == 3
    await survivor.run(asyncio.Event(), until_idle=True)
    assert sorted(chat for chat, _ in transport.calls) == [1, 2, 3]
    assert await report(database, "broadcast:1") == {Status.SENT: 3}


if __name__ == "__main__":
    asyncio.run(child(sys.argv[1]))
