"""Each update handled once, however many instances receive it (two pollers for a moment, a
webhook retried, a load balancer's retry).

An update is claimed before anything is done with it, so the claim exists before any reply
is sent; a copy that finds it claimed is dropped. The claim lives in a record every instance
shares: Redis when there is one (one round trip), else the database (one tiny transaction).
If Redis fails, the database decides; if both fail, the update is handled: a copy answered
twice is better than a fresh update dropped.

An update whose handling fails is taken off the record, so that a delivery of it again is
handled. A process killed in the middle of an update leaves the claim behind. In Redis that
claim lapses within seconds (`RedisUpdateRecord`), so the webhook Telegram posts again, having
had no answer, is handled then. The database record keeps it: there, a copy that comes later is
dropped. The database decides only for a single process (several instances need Redis), which
polls: polling fetches past an update before its handling ends, so Telegram never sends that
update again anyway.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from bot.services.ports import Clock, UnitOfWorkFactory

log = logging.getLogger(__name__)
KEPT = timedelta(days=1)  # longer than any copy of an update arrives after it
PURGE_EVERY = 1000  # the database record sheds rows older than KEPT once in so many updates


class SharedRecordError(Exception):
    """The shared record (Redis) cannot be reached or answered in error."""


class SharedUpdateRecord(Protocol):
    async def claim(self, bot_id: int, update_id: int) -> bool:
        """True for the first claim of the update, False for every later one; raises
        SharedRecordError."""

    async def handled(self, bot_id: int, update_id: int) -> None:
        """The claimed update was handled: keep its claim; raises SharedRecordError."""

    async def release(self, bot_id: int, update_id: int) -> None:
        """Takes the claim back; raises SharedRecordError."""


@dataclass(frozen=True, slots=True)
class Claim:
    first: bool  # this delivery is the one that handles the update
    shared: bool  # claimed in the shared record; in the database otherwise (or in neither)
    recorded: bool = True  # False: no record could be reached, nothing to take back


class HandledUpdates:
    def __init__(
        self, unit_of_work: UnitOfWorkFactory, clock: Clock, shared: SharedUpdateRecord | None
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._shared = shared

    async def claim(self, bot_id: int, update_id: int) -> Claim:
        if self._shared is not None:
            try:
                return Claim(await self._shared.claim(bot_id, update_id), shared=True)
            except SharedRecordError:
                log.warning("update %s: the shared record failed, the database decides", update_id)
        try:
            return Claim(await self._record(update_id), shared=False)
        except Exception:  # the update is handled all the same: see the module's docstring
            log.warning("update %s: no record of updates reachable", update_id, exc_info=True)
            return Claim(first=True, shared=False, recorded=False)

    async def handled(self, bot_id: int, update_id: int, claim: Claim) -> None:
        """The update was handled: its claim is kept for every copy to come."""
        if not claim.shared:
            return  # the database's record is kept as it is
        assert self._shared is not None
        try:
            await self._shared.handled(bot_id, update_id)
        except SharedRecordError:  # the claim lapses; a copy after that is answered again
            log.warning("update %s: its claim could not be kept", update_id, exc_info=True)

    async def release(self, bot_id: int, update_id: int, claim: Claim) -> None:
        """Takes a failed update off the record, where it was claimed."""
        try:
            if claim.shared:
                assert self._shared is not None
                await self._shared.release(bot_id, update_id)
            elif claim.recorded:
                async with self._unit_of_work() as uow:
                    await uow.handled_updates.forget(update_id)
        except Exception:  # the update's own failure is the one that matters
            log.warning("update %s could not be taken off the record", update_id, exc_info=True)

    async def _record(self, update_id: int) -> bool:
        now = self._clock.now()
        async with self._unit_of_work() as uow:  # each call on the record commits at once
            first = await uow.handled_updates.record(update_id, now)
            if update_id % PURGE_EVERY == 0:
                await uow.handled_updates.forget_before(now - KEPT)
        return first
