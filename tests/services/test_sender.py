"""The outbox and its sender: dedup, order, 429 pauses, 403 and 400, retries, crash recovery."""

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.outbox import MAX_ATTEMPTS, Delivery, NewDelivery, Priority, Status
from bot.services.rate_limit import Pacer
from bot.services.sender import Sender, SendResult, Verdict
from storage.database import Database
from tests.fakes.clock import FakeClock

NOW = datetime(2024, 9, 26, 0, 30, tzinfo=UTC)


@dataclass
class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps."""

    now: float = 0.0
    slept: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@dataclass
class ScriptedTransport:
    """Answers per chat from a script; once the script is used up, it answers SENT."""

    script: dict[int, list[SendResult]] = field(default_factory=dict)
    calls: list[tuple[int, str]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    fake_time: FakeTime | None = None

    async def send(self, delivery: Delivery) -> SendResult:
        self.calls.append((delivery.chat_id, delivery.text))
        if self.fake_time:
            self.times.append(self.fake_time.now)
        answers = self.script.get(delivery.chat_id, [])
        return answers.pop(0) if answers else SendResult(Verdict.SENT)


def sender_for(
    database: Database, transport: ScriptedTransport, clock: FakeClock | None = None
) -> tuple[Sender, FakeTime]:
    fake = FakeTime()
    transport.fake_time = fake
    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    return Sender(database.unit_of_work, transport, clock or FakeClock(NOW), pacer=pacer), fake


async def enqueue(database: Database, *deliveries: NewDelivery) -> int:
    async with database.unit_of_work() as uow:
        added = await uow.outbox.enqueue(list(deliveries), NOW)
        await uow.commit()
    return added


async def report(database: Database, key: str) -> dict[Status, int]:
    async with database.unit_of_work() as uow:
        return dict(await uow.outbox.report(key))


def announcement(chat_id: int, key: str = "broadcast:1") -> NewDelivery:
    return NewDelivery(key, chat_id, f"公告 {chat_id}")


async def test_the_same_event_reaches_a_chat_only_once(database: Database) -> None:
    assert await enqueue(database, *(announcement(c) for c in range(10))) == 10
    assert await enqueue(database, *(announcement(c) for c in range(12))) == 2
    assert await report(database, "broadcast:1") == {Status.PENDING: 12}


async def test_ten_thousand_deliveries_are_one_transaction(database: Database) -> None:
    assert await enqueue(database, *(announcement(c) for c in range(10_000))) == 10_000


async def test_everything_due_is_sent_reminders_first(database: Database) -> None:
    await enqueue(database, announcement(1), announcement(2))
    await enqueue(database, NewDelivery("turn:7:15", 3, "还有两支队伍", Priority.REMINDER))
    transport = ScriptedTransport()
    sender, _ = sender_for(database, transport)
    await sender.run(asyncio.Event(), until_idle=True)
    assert [chat for chat, _ in transport.calls] == [3, 1, 2]
    assert await report(database, "broadcast:1") == {Status.SENT: 2}


async def test_a_429_pauses_sending_for_retry_after_then_resumes(database: Database) -> None:
    await enqueue(database, announcement(1), announcement(2))
    transport = ScriptedTransport({1: [SendResult(Verdict.RETRY_AFTER, retry_after=3)]})
    sender, fake = sender_for(database, transport)
    await sender.run(asyncio.Event(), until_idle=True)
    assert transport.calls == [(1, "公告 1"), (1, "公告 1"), (2, "公告 2")]
    assert 3 in fake.slept
    assert transport.times[1] >= 3
    assert sender.stats.throttled == 1
    assert await report(database, "broadcast:1") == {Status.SENT: 2}


async def test_a_blocked_recipient_is_marked_unreachable_and_not_retried(
    database: Database,
) -> None:
    await enqueue(database, announcement(1))
    blocked = SendResult(Verdict.UNREACHABLE, reason="Forbidden: bot was blocked by the user")
    transport = ScriptedTransport({1: [blocked]})
    sender, _ = sender_for(database, transport)
    await sender.run(asyncio.Event(), until_idle=True)
    assert len(transport.calls) == 1
    assert await report(database, "broadcast:1") == {Status.UNREACHABLE: 1}


async def test_a_refused_message_fails_with_the_reason(database: Database) -> None:
    await enqueue(database, announcement(1))
    transport = ScriptedTransport({1: [SendResult(Verdict.REJECTED, reason="Bad Request: x")]})
    sender, _ = sender_for(database, transport)
    await sender.run(asyncio.Event(), until_idle=True)
    assert await report(database, "broadcast:1") == {Status.FAILED: 1}


async def test_a_network_error_retries_later_with_backoff(database: Database) -> None:
    await enqueue(database, announcement(1))
    clock = FakeClock(NOW)
    transport = ScriptedTransport({1: [SendResult(Verdict.TRANSIENT, reason="timeout")]})
    sender, _ = sender_for(database, transport, clock)
    assert await sender.send_due() == 1
    assert await sender.send_due() == 0  # not due yet
    clock.moment = NOW + timedelta(seconds=2)
    assert await sender.send_due() == 1
    assert await report(database, "broadcast:1") == {Status.SENT: 1}


class BrokenTransport(ScriptedTransport):
    """Raises what nobody foresaw for chat 1."""

    async def send(self, delivery: Delivery) -> SendResult:
        if delivery.chat_id == 1:
            raise RuntimeError("a bug at the edge")
        return await super().send(delivery)


async def test_an_unforeseen_error_is_retried_later_and_the_rest_still_go(
    database: Database,
) -> None:
    await enqueue(database, announcement(1), announcement(2))
    sender, _ = sender_for(database, BrokenTransport())
    assert await sender.send_due() == 2
    assert await report(database, "broadcast:1") == {Status.SENT: 1, Status.PENDING: 1}


async def test_retries_end_in_failure(database: Database) -> None:
    await enqueue(database, announcement(1))
    clock = FakeClock(NOW)
    transport = ScriptedTransport({1: [SendResult(Verdict.TRANSIENT)] * MAX_ATTEMPTS})
    sender, _ = sender_for(database, transport, clock)
    for _ in range(MAX_ATTEMPTS):
        clock.moment += timedelta(hours=1)
        await sender.send_due()
    assert await report(database, "broadcast:1") == {Status.FAILED: 1}


async def test_a_claim_left_by_a_dead_sender_is_recovered_and_sent_once(
    database: Database,
) -> None:
    await enqueue(database, announcement(1), announcement(2))
    async with database.unit_of_work() as uow:
        await uow.outbox.claim_due(NOW, 10)  # ... and then the process dies
        await uow.commit()
    transport = ScriptedTransport()
    sender, _ = sender_for(database, transport)
    assert await sender.send_due() == 0
    assert await sender.recover(stale=timedelta(0)) == 2
    await sender.run(asyncio.Event(), until_idle=True)
    assert sorted(chat for chat, _ in transport.calls) == [1, 2]


async def test_cancelled_deliveries_are_not_sent(database: Database) -> None:
    await enqueue(database, announcement(1), announcement(2))
    async with database.unit_of_work() as uow:
        assert await uow.outbox.cancel("broadcast:1") == 2
        await uow.commit()
    transport = ScriptedTransport()
    sender, _ = sender_for(database, transport)
    await sender.run(asyncio.Event(), until_idle=True)
    assert transport.calls == []


@pytest.mark.parametrize("count", [30, 90])
async def test_the_pacer_keeps_to_thirty_a_second(count: int) -> None:
    fake = FakeTime()
    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    for chat in range(count):
        await pacer.acquire(chat)
    assert fake.now == pytest.approx((count - 1) / 30)


async def test_the_pacer_gives_one_chat_one_message_a_second() -> None:
    fake = FakeTime()
    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    starts = defaultdict(list)
    for _ in range(3):
        await pacer.acquire(7)
        starts[7].append(fake.now)
    assert starts[7] == pytest.approx([0.0, 1.0, 2.0])


async def test_the_pacer_gives_a_group_twenty_messages_a_minute() -> None:
    fake = FakeTime()
    pacer = Pacer(30.0, monotonic=fake.monotonic, sleep=fake.sleep)
    starts = []
    for _ in range(3):
        await pacer.acquire(-100123)
        starts.append(fake.now)
    assert starts == pytest.approx([0.0, 3.0, 6.0])
