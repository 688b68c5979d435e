"""Claims are leases: a live sender renews them, a dead sender's are taken over within 10 s."""

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from bot.domain.outbox import CLAIM_LEASE, RENEW_CLAIMS, Delivery, Status
from bot.services.rate_limit import Pacer
from bot.services.sender import Sender, SendResult, Verdict
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.services.test_sender import (
    NOW,
    FakeTime,
    ScriptedTransport,
    announcement,
    enqueue,
    report,
)


@dataclass
class HeldTransport(ScriptedTransport):
    """Keeps the send to `held_chat` in flight until `release` is set, then answers `answer`."""

    held_chat: int = 1
    answer: SendResult = field(default_factory=lambda: SendResult(Verdict.SENT))
    in_flight: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def send(self, delivery: Delivery) -> SendResult:
        if delivery.chat_id != self.held_chat:
            return await super().send(delivery)
        self.calls.append((delivery.chat_id, delivery.text))
        self.in_flight.set()
        await self.release.wait()
        return self.answer


def sender(
    database: Database,
    transport: ScriptedTransport,
    clock: FakeClock,
    renew_every: timedelta = RENEW_CLAIMS,
    in_flight: int = 8,
) -> Sender:
    fake = FakeTime()
    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    return Sender(
        database.unit_of_work,
        transport,
        clock,
        pacer=pacer,
        renew_every=renew_every,
        in_flight=in_flight,
    )


async def claimed_by_a_sender_that_dies(database: Database) -> None:
    async with database.unit_of_work() as uow:
        await uow.outbox.claim_due(NOW, 10)
        await uow.commit()


@pytest.mark.parametrize(
    ("after", "released"),
    [(timedelta(seconds=2), 0), (CLAIM_LEASE - timedelta(milliseconds=1), 0), (CLAIM_LEASE, 2)],
)
async def test_a_claim_is_released_once_nobody_renewed_it_for_the_lease(
    database: Database, after: timedelta, released: int
) -> None:
    await enqueue(database, announcement(1), announcement(2))
    await claimed_by_a_sender_that_dies(database)
    survivor = sender(database, ScriptedTransport(), FakeClock(NOW + after))
    assert await survivor.heartbeat() == released


async def test_a_killed_senders_deliveries_are_sent_by_another_within_ten_seconds(
    database: Database,
) -> None:
    await enqueue(database, announcement(1), announcement(2))
    await claimed_by_a_sender_that_dies(database)
    clock, transport = FakeClock(NOW), ScriptedTransport()
    survivor = sender(database, transport, clock)
    while clock.moment - NOW < CLAIM_LEASE:  # the survivor's heartbeat, every two seconds
        clock.advance(RENEW_CLAIMS)
        await survivor.heartbeat()
    await survivor.run(asyncio.Event(), until_idle=True)
    assert clock.moment - NOW <= timedelta(seconds=10)
    assert sorted(chat for chat, _ in transport.calls) == [1, 2]
    assert await report(database, "broadcast:1") == {Status.SENT: 2}


async def test_start_up_leaves_claims_that_are_still_within_their_lease(
    database: Database,
) -> None:
    await enqueue(database, announcement(1))
    await claimed_by_a_sender_that_dies(database)
    restarted = sender(database, ScriptedTransport(), FakeClock(NOW + timedelta(seconds=5)))
    assert await restarted.recover() == 0


async def test_a_live_senders_claims_are_renewed_and_never_taken_mid_send(
    database: Database,
) -> None:
    await enqueue(database, announcement(1), announcement(2))
    clock = FakeClock(NOW)
    transport, other_transport = HeldTransport(), ScriptedTransport()
    live, other = sender(database, transport, clock), sender(database, other_transport, clock)
    sending = asyncio.create_task(live.send_due())
    await transport.in_flight.wait()
    for _ in range(15):  # half a minute with chat 1's message in flight
        clock.advance(RENEW_CLAIMS)
        await live.heartbeat()
        assert await other.heartbeat() == 0
        assert await other.send_due() == 0
    transport.release.set()
    assert await sending == 2
    assert sorted(chat for chat, _ in transport.calls) == [1, 2]
    assert other_transport.calls == []
    assert await report(database, "broadcast:1") == {Status.SENT: 2}


async def test_the_heartbeat_runs_beside_a_send_that_takes_long(database: Database) -> None:
    await enqueue(database, announcement(1))
    clock, transport = FakeClock(NOW), HeldTransport()
    live = sender(database, transport, clock, renew_every=timedelta(milliseconds=5))
    other = sender(database, ScriptedTransport(), clock)
    stop = asyncio.Event()
    running = asyncio.create_task(live.run(stop))
    await transport.in_flight.wait()
    for _ in range(10):
        clock.advance(RENEW_CLAIMS)
        await asyncio.sleep(0.05)  # a few of the live sender's heartbeats
        assert await other.heartbeat() == 0
    transport.release.set()
    stop.set()
    await running
    assert await report(database, "broadcast:1") == {Status.SENT: 1}


async def test_a_sender_that_lost_its_claims_sends_none_of_the_rest(
    database: Database,
) -> None:
    await enqueue(database, announcement(1), announcement(2))
    clock = FakeClock(NOW)
    stalled_transport, other_transport = HeldTransport(), ScriptedTransport()
    # One in flight at a time, so the second delivery is still waiting behind the first.
    stalled = sender(database, stalled_transport, clock, in_flight=1)
    other = sender(database, other_transport, clock)
    sending = asyncio.create_task(stalled.send_due())
    await stalled_transport.in_flight.wait()
    clock.advance(CLAIM_LEASE)  # ... and the stalled sender renewed nothing meanwhile
    assert await other.heartbeat() == 2
    await other.run(asyncio.Event(), until_idle=True)
    await stalled.heartbeat()  # learns that both claims are gone
    stalled_transport.release.set()
    await sending
    assert stalled_transport.calls == [(1, "公告 1")]  # only the one already in flight
    assert sorted(chat for chat, _ in other_transport.calls) == [1, 2]


async def test_a_lost_claims_late_result_does_not_undo_the_takeover(
    database: Database,
) -> None:
    await enqueue(database, announcement(1))
    clock = FakeClock(NOW)
    stalled_transport = HeldTransport(answer=SendResult(Verdict.TRANSIENT, reason="timeout"))
    stalled = sender(database, stalled_transport, clock)
    other = sender(database, ScriptedTransport(), clock)
    sending = asyncio.create_task(stalled.send_due())
    await stalled_transport.in_flight.wait()
    clock.advance(CLAIM_LEASE)
    await other.heartbeat()
    await other.run(asyncio.Event(), until_idle=True)
    stalled_transport.release.set()
    await sending
    assert await report(database, "broadcast:1") == {Status.SENT: 1}
