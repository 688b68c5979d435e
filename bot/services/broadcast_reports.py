"""How far announcements got, for /broadcasts and its Report and Cancel buttons."""

from dataclasses import dataclass

from bot.domain.broadcasts import Broadcast
from bot.services.broadcasts import cancel, report
from bot.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class BroadcastReport:
    broadcast: Broadcast
    counts: dict[str, int]  # by the organizer's terms of `progress`

    @property
    def pending(self) -> bool:
        """Whether something is still to go, so Cancel can stop it."""
        return not self.broadcast.cancelled and self.counts["pending"] > 0


@dataclass(frozen=True, slots=True)
class Cancellation:
    report: BroadcastReport  # after the cancellation, or as it was when nothing was pending
    stopped: int | None  # None: nothing was waiting, so nothing was cancelled


async def latest_reports(uow: UnitOfWork, limit: int) -> list[BroadcastReport]:
    """The `limit` latest broadcasts, newest first, each with its delivery report."""
    return [
        BroadcastReport(broadcast, await report(uow, broadcast.id))
        for broadcast in await uow.broadcasts.latest(limit)
    ]


async def broadcast_report(uow: UnitOfWork, broadcast_id: int) -> BroadcastReport | None:
    """None when there is no such broadcast."""
    broadcast = await uow.broadcasts.get(broadcast_id)
    if broadcast is None:
        return None
    return BroadcastReport(broadcast, await report(uow, broadcast.id))


async def stop_broadcast(uow: UnitOfWork, broadcast_id: int) -> Cancellation | None:
    """Stops what has not gone yet; None when there is no such broadcast."""
    before = await broadcast_report(uow, broadcast_id)
    if before is None or not before.pending:
        return None if before is None else Cancellation(before, None)
    stopped = await cancel(uow, broadcast_id)
    after = await broadcast_report(uow, broadcast_id)
    return Cancellation(after or before, stopped)
