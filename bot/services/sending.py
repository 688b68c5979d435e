"""Several deliveries in flight at once, and still one at a time per chat."""

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable

from bot.domain.outbox import Delivery


class Lanes:
    """Deliveries in hand, in one lane per chat: a chat's deliveries go one after another in the
    order they were added, and at most `in_flight` deliveries of all lanes go at once (the rate
    limit decides when each may go; the lanes only keep enough of them waiting for a slot)."""

    def __init__(self, deliver: Callable[[Delivery], Awaitable[None]], in_flight: int) -> None:
        self._deliver = deliver
        self._slots = asyncio.Semaphore(in_flight)
        self._lanes: dict[int, deque[Delivery]] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self._waiting = 0  # added, not yet going
        self._moved = asyncio.Event()

    @property
    def waiting(self) -> int:
        return self._waiting

    def add(self, deliveries: Iterable[Delivery]) -> None:
        for delivery in deliveries:
            self._waiting += 1
            lane = self._lanes.get(delivery.chat_id)
            if lane is not None:  # the chat's lane is still going: this one goes after
                lane.append(delivery)
                continue
            self._lanes[delivery.chat_id] = deque([delivery])
            self._tasks.append(asyncio.create_task(self._drive(delivery.chat_id)))

    async def fewer_waiting_than(self, count: int) -> None:
        while self._waiting >= count:
            self._moved.clear()
            await self._moved.wait()

    async def finished(self) -> None:
        """Waits for every lane; the first error of one (its database was away) is raised
        once all have stopped."""
        results = await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        for result in results:
            if isinstance(result, BaseException):
                raise result

    async def _drive(self, chat_id: int) -> None:
        lane = self._lanes[chat_id]
        try:
            while lane:
                async with self._slots:
                    delivery = lane.popleft()
                    self._waiting -= 1
                    self._moved.set()
                    await self._deliver(delivery)
        finally:
            self._waiting -= len(lane)  # left behind by an error: released by the heartbeat
            del self._lanes[chat_id]
            self._moved.set()
