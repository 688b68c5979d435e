"""One leader at a time does the background work; the others stand by and try again.

The lease (storage/leases.py) is taken, then renewed or checked every couple of seconds; the
moment a renewal fails the work stops, since another process may already have taken over.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Protocol

log = logging.getLogger(__name__)
RENEW_EVERY = 2.0  # seconds between renewals, and between a standby's tries


class Lease(Protocol):
    name: str

    async def hold(self) -> bool:
        """Takes the lease or renews it; False while another holds it (or ours was lost)."""
        ...

    async def release(self) -> None: ...


Work = Callable[[], AbstractAsyncContextManager[None]]


async def lead(lease: Lease, work: Work, stop: asyncio.Event, every: float = RENEW_EVERY) -> None:
    """Runs `work` whenever this process holds `lease`, until `stop` is set."""
    standing_by = False
    try:
        while not stop.is_set():
            if not await lease.hold():
                if not standing_by:
                    log.info("standby: another process is the leader; trying every %ss", every)
                    standing_by = True
                await _sleep(stop, every)
                continue
            standing_by = False
            log.info("leader: this process now runs the background work")
            async with work():
                while not await _sleep(stop, every):
                    if not await lease.hold():
                        log.warning("standby: the lease was lost; the background work stops")
                        break
    finally:
        await lease.release()


async def keep(
    lease: Lease, lost: Callable[[], Awaitable[None]], every: float = RENEW_EVERY
) -> None:
    """Renews a lease already held until cancelled; `lost` is called if a renewal fails."""
    while True:
        await asyncio.sleep(every)
        if not await lease.hold():
            log.error("the %s lease was lost", lease.name)
            await lost()
            return


async def _sleep(stop: asyncio.Event, seconds: float) -> bool:
    """Waits `seconds` or until `stop`; True if stopped."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return False
    return True
