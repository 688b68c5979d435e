"""The one sender: drains the outbox in priority order under Telegram's limits.

Each delivery is marked `sending` (committed) before the call and `sent` after it, so a crash
loses nothing and can repeat at most the messages that were in flight (up to `in_flight`, each
in a different chat). While the sender holds claims, a heartbeat renews them every RENEW_CLAIMS
and releases the claims other senders stopped renewing (they died), so a killed sender's
deliveries go on within ten seconds and a live sender's are never taken from it mid-send.
Several deliveries are in flight at once (bot/services/sending.py), never two to one chat: a
chat's deliveries go in outbox order, and an edit after the message it rewrites. Every delivery
waits for its slot of the rate limit (bot/services/rate_limit.py, shared by every process when
the deployment has Redis). A 429 pauses everything for `retry_after`; a blocked user is marked
unreachable; a refused message fails for good; network and server errors retry with backoff.
"""

import asyncio
import contextlib
import dataclasses
import logging
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Protocol

from bot.domain.outbox import (
    CLAIM_LEASE,
    MAX_ATTEMPTS,
    RENEW_CLAIMS,
    Delivery,
    Status,
    backoff,
)
from bot.services.ports import Clock, UnitOfWorkFactory
from bot.services.rate_limit import Pacer, RateLimit
from bot.services.sending import Lanes

log = logging.getLogger(__name__)
IDLE = 0.5
IN_FLIGHT = 4  # 30 msg/s at a 40 ms round trip needs about 1.3; a crash repeats at most these


class Verdict(StrEnum):
    SENT = "sent"
    RETRY_AFTER = "retry_after"  # 429: everyone waits
    UNREACHABLE = "unreachable"  # 403, chat not found
    REJECTED = "rejected"  # 400: this message will never go
    TRANSIENT = "transient"  # network, 5xx: try again later


@dataclass(frozen=True, slots=True)
class SendResult:
    verdict: Verdict
    retry_after: float = 0.0
    reason: str = ""
    message_id: int | None = None  # Telegram's id of the message sent (or edited)


class Transport(Protocol):
    async def send(self, delivery: Delivery) -> SendResult: ...


@dataclass
class SenderStats:
    sent: int = 0
    throttled: int = 0
    unreachable: int = 0
    failed: int = 0
    retried: int = 0


class Sender:
    def __init__(
        self,
        unit_of_work: UnitOfWorkFactory,
        transport: Transport,
        clock: Clock,
        *,
        rate: float = 30.0,
        batch: int = 30,
        pacer: RateLimit | None = None,
        renew_every: timedelta = RENEW_CLAIMS,
        in_flight: int = IN_FLIGHT,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._transport = transport
        self._clock = clock
        self._batch = batch
        self._renew_every = renew_every.total_seconds()
        self._in_flight = in_flight
        self.pacer = pacer or Pacer(rate)
        self.stats = SenderStats()
        # The claims in hand: delivery id -> its attempt number, which names the claim.
        self._held: dict[int, int] = {}
        # Telegram's ids of the messages this round of sending sent: delivery id -> message id.
        self._sent_ids: dict[int, int] = {}

    async def recover(self, stale: timedelta = CLAIM_LEASE) -> int:
        """Claims nobody renewed for `stale` (their sender died) are pending again."""
        async with self._unit_of_work() as uow:
            count = await uow.outbox.recover(self._clock.now(), stale)
            await uow.commit()
        return count

    async def heartbeat(self) -> int:
        """Renews the claims in hand, lets go of any another sender took over, and releases
        the claims whose sender stopped renewing them. Returns how many were released."""
        now, held = self._clock.now(), dict(self._held)
        async with self._unit_of_work() as uow:
            kept = await uow.outbox.renew(held, now)
            await uow.commit()  # apart from the release: two senders never wait on each other
        for delivery_id in held.keys() - kept:
            if self._held.get(delivery_id) == held[delivery_id]:
                log.warning("delivery %s was taken over by another sender", delivery_id)
                del self._held[delivery_id]
        released = await self.recover()
        if released:
            log.warning("released %s deliveries left by a sender that stopped", released)
        return released

    async def run(self, stop: asyncio.Event, *, until_idle: bool = False) -> SenderStats:
        beating = asyncio.create_task(self._beat())
        try:
            while not stop.is_set():
                try:
                    sent = await self.send_due(stop)
                except Exception:  # the database was away: what it left behind is released
                    log.exception("sending failed; trying again shortly")
                    sent = 0
                if sent == 0:
                    if until_idle and await self._nothing_pending():
                        break
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), IDLE)
        finally:
            beating.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beating
        return self.stats

    async def _beat(self) -> None:
        """The heartbeat runs beside the sending, so a long send or a 429 pause cannot stop it."""
        while True:
            await asyncio.sleep(self._renew_every)
            try:
                await self.heartbeat()
            except Exception:
                log.exception("renewing the claims failed; trying again shortly")

    async def send_due(self, stop: asyncio.Event | None = None) -> int:
        """Sends everything due (claiming more as the deliveries in hand go, until nothing more
        is due or `stop` is set); returns how many deliveries it handled."""
        lanes, claimed = Lanes(self._deliver, self._in_flight), []
        self._sent_ids.clear()
        try:
            while stop is None or not stop.is_set():
                batch = await self._claim()
                claimed += batch
                lanes.add(batch)
                if len(batch) < self._batch:
                    break
                await lanes.fewer_waiting_than(self._in_flight)
        finally:
            try:
                await lanes.finished()
            finally:
                for delivery in claimed:
                    if self._held.get(delivery.id) == delivery.attempts:
                        del self._held[delivery.id]
        return len(claimed)

    async def _claim(self) -> list[Delivery]:
        async with self._unit_of_work() as uow:
            batch = await uow.outbox.claim_due(self._clock.now(), self._batch)
            await uow.commit()
        self._held.update((delivery.id, delivery.attempts) for delivery in batch)
        return batch

    async def _deliver(self, delivery: Delivery) -> None:
        if self._held.get(delivery.id) != delivery.attempts:
            return  # taken over while it waited in its lane
        await self.pacer.acquire(delivery.chat_id)
        if self._held.get(delivery.id) != delivery.attempts:
            return  # taken over while this sender waited its turn
        delivery = self._with_message_sent_meanwhile(delivery)
        result = await self._send(delivery)
        while result.verdict is Verdict.RETRY_AFTER:
            self.stats.throttled += 1
            await self.pacer.pause(result.retry_after)
            await self.pacer.acquire(delivery.chat_id)
            result = await self._send(delivery)
        await self._record(delivery, result)

    def _with_message_sent_meanwhile(self, delivery: Delivery) -> Delivery:
        """An edit claimed with its message still to send (earlier in the same chat's lane)
        rewrites the message that went meanwhile."""
        if delivery.edits is None or delivery.message_id is not None:
            return delivery
        sent = self._sent_ids.get(delivery.edits)
        return delivery if sent is None else dataclasses.replace(delivery, message_id=sent)

    async def _send(self, delivery: Delivery) -> SendResult:
        """An error nobody foresaw is retried like a network error, and never stops the rest."""
        try:
            return await self._transport.send(delivery)
        except Exception as error:
            log.exception("delivery %s failed unexpectedly", delivery.id)
            return SendResult(Verdict.TRANSIENT, reason=repr(error))

    async def _record(self, delivery: Delivery, result: SendResult) -> None:
        now = self._clock.now()
        retry_at = None
        if result.verdict is Verdict.SENT:
            status = Status.SENT
            self.stats.sent += 1
            if result.message_id is not None:
                self._sent_ids[delivery.id] = result.message_id
        elif result.verdict is Verdict.UNREACHABLE:
            status = Status.UNREACHABLE
            self.stats.unreachable += 1
        elif result.verdict is Verdict.REJECTED or delivery.attempts >= MAX_ATTEMPTS:
            status = Status.FAILED
            self.stats.failed += 1
        else:
            status, retry_at = Status.PENDING, now + backoff(delivery.attempts)
            self.stats.retried += 1
        # Out of hand before it is recorded, so a heartbeat meanwhile does not take the record
        # for a takeover.
        self._held.pop(delivery.id, None)
        async with self._unit_of_work() as uow:
            await uow.outbox.finish(
                delivery.id,
                status,
                now,
                result.reason,
                retry_at,
                message_id=result.message_id,
                claim=delivery.attempts,
            )
            await uow.commit()

    async def _nothing_pending(self) -> bool:
        async with self._unit_of_work() as uow:
            return await uow.outbox.next_due() is None
