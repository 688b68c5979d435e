"""Several messages in flight: never two to one chat, a chat's in outbox order, all that is due."""

import asyncio
from collections import Counter
from dataclasses import dataclass, field

import pytest

from bot.domain.outbox import Delivery, NewDelivery, Status
from bot.services.rate_limit import Pacer
from bot.services.sender import Sender, SendResult, Verdict
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.services.test_sender import NOW, FakeTime, announcement, enqueue, report


@dataclass
class SlowTransport:
    """Each send takes a few turns of the event loop (a round trip); counts what is in flight."""

    held: asyncio.Event | None = None
    in_flight: Counter[int] = field(default_factory=Counter)
    most: int = 0
    most_per_chat: int = 0
    calls: list[Delivery] = field(default_factory=list)
    reached: asyncio.Event = field(default_factory=asyncio.Event)
    reach: int = 0

    async def send(self, delivery: Delivery) -> SendResult:
        self.calls.append(delivery)
        self.in_flight[delivery.chat_id] += 1
        self.most = max(self.most, self.in_flight.total())
        self.most_per_chat = max(self.most_per_chat, self.in_flight[delivery.chat_id])
        if self.in_flight.total() >= self.reach:
            self.reached.set()
        if self.held is not None:
            await self.held.wait()
        for _ in range(3):
            await asyncio.sleep(0)
        self.in_flight[delivery.chat_id] -= 1
        return SendResult(Verdict.SENT, message_id=1000 + delivery.id)


def sender_for(
    database: Database, transport: SlowTransport, *, in_flight: int = 8, batch: int = 30
) -> Sender:
    fake = FakeTime()
    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    return Sender(
        database.unit_of_work,
        transport,
        FakeClock(NOW),
        pacer=pacer,
        batch=batch,
        in_flight=in_flight,
    )


async def test_up_to_in_flight_messages_go_at_once_and_no_more(database: Database) -> None:
    await enqueue(database, *(announcement(chat) for chat in range(1, 21)))
    held = asyncio.Event()
    transport = SlowTransport(held=held, reach=5)
    sending = asyncio.create_task(sender_for(database, transport, in_flight=5).send_due())
    await transport.reached.wait()
    for _ in range(20):  # time enough for a sixth to start, were it allowed
        await asyncio.sleep(0)
    assert transport.in_flight.total() == 5
    held.set()
    assert await sending == 20
    assert transport.most == 5
    assert await report(database, "broadcast:1") == {Status.SENT: 20}


async def test_a_chat_gets_one_message_at_a_time_in_outbox_order(database: Database) -> None:
    for number in range(5):
        await enqueue(database, NewDelivery(f"news:{number}", 1, f"消息 {number}"))
        await enqueue(database, announcement(100 + number))
    transport = SlowTransport()
    await sender_for(database, transport).send_due()
    assert transport.most_per_chat == 1
    assert transport.most > 1
    assert [d.text for d in transport.calls if d.chat_id == 1] == [f"消息 {n}" for n in range(5)]


async def test_one_round_sends_everything_due_however_many_batches(database: Database) -> None:
    await enqueue(database, *(announcement(chat) for chat in range(1, 24)))
    await enqueue(database, *(NewDelivery(f"news:{n}", 1, f"消息 {n}") for n in range(4)))
    sender = sender_for(database, SlowTransport(), batch=5)
    assert await sender.send_due() == 27
    assert await sender.send_due() == 0
    assert await report(database, "broadcast:1") == {Status.SENT: 23}


async def test_an_edit_claimed_with_its_message_rewrites_it_once_it_went(
    database: Database,
) -> None:
    await enqueue(database, NewDelivery("turn:1", 1, "你们是下一支"))
    async with database.unit_of_work() as uow:
        (original,) = await uow.outbox.copies(["turn:1"])
    await enqueue(database, NewDelivery("turn:1:ack", 1, "已确认", edits=original.id))
    transport = SlowTransport()
    assert await sender_for(database, transport).send_due() == 2
    first, edit = transport.calls
    assert (edit.edits, edit.message_id) == (first.id, 1000 + first.id)
    assert await report(database, "turn:1:ack") == {Status.SENT: 1}


async def test_stopping_ends_the_round_after_the_messages_in_hand(database: Database) -> None:
    await enqueue(database, *(announcement(chat) for chat in range(1, 21)))
    stop = asyncio.Event()
    stop.set()
    transport = SlowTransport()
    assert await sender_for(database, transport, batch=5).send_due(stop) == 0
    assert transport.calls == []


@pytest.mark.parametrize("in_flight", [1, 8])
async def test_a_429_pauses_every_message_after_it(database: Database, in_flight: int) -> None:
    await enqueue(database, *(announcement(chat) for chat in range(1, 11)))
    fake = FakeTime()
    times: list[float] = []

    class Throttled(SlowTransport):
        async def send(self, delivery: Delivery) -> SendResult:
            times.append(fake.now)
            if len(times) == 1:
                return SendResult(Verdict.RETRY_AFTER, retry_after=3)
            return await super().send(delivery)

    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    sender = Sender(
        database.unit_of_work, Throttled(), FakeClock(NOW), pacer=pacer, in_flight=in_flight
    )
    assert await sender.send_due() == 10
    assert all(moment >= 3 for moment in times[1:])
    assert await report(database, "broadcast:1") == {Status.SENT: 10}
