"""Telegram's sending limits as a port: 30 messages a second in all, one a second per chat,
twenty a minute per group, and a 429's `retry_after` that every sender waits out.

`acquire` reserves the next moment a message to the chat may go and waits for it; `pause` makes
every sender sharing the limit wait. `Pacer` keeps the limit in this process (one process only);
bot/adapters/redis_rate_limit.py keeps it in Redis for every process of a deployment.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

PER_CHAT_INTERVAL = 1.0
PER_GROUP_INTERVAL = 3.0  # twenty a minute
FORGET_CHATS_OVER = 10_000


class RateLimit(Protocol):
    async def acquire(self, chat_id: int) -> None:
        """Waits until a message to `chat_id` may go (and counts it as gone)."""

    async def pause(self, seconds: float) -> None:
        """Telegram said 429: nothing goes for `seconds`, from any sender sharing the limit."""


def chat_interval(chat_id: int, per_chat: float, per_group: float) -> float:
    # Telegram's group and channel chat ids are negative.
    return per_group if chat_id < 0 else per_chat


@dataclass
class Pacer:
    """The limit kept in this process: each message takes the next free slot of the bot's
    overall rate and of its chat, and waits for it."""

    rate: float
    per_chat_interval: float = PER_CHAT_INTERVAL
    per_group_interval: float = PER_GROUP_INTERVAL
    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    _next_slot: float = 0.0
    _chat_free: dict[int, float] = field(default_factory=dict)

    async def acquire(self, chat_id: int) -> None:
        now = self.monotonic()
        start = max(now, self._next_slot, self._chat_free.get(chat_id, 0.0))
        # Reserved before the wait, so the senders waiting meanwhile queue behind this one.
        self._next_slot = start + 1.0 / self.rate
        interval = chat_interval(chat_id, self.per_chat_interval, self.per_group_interval)
        self._chat_free[chat_id] = start + interval
        if len(self._chat_free) > FORGET_CHATS_OVER:  # chats whose slot passed need no entry
            self._chat_free = {c: t for c, t in self._chat_free.items() if t > now}
        if start > now:
            await self.sleep(start - now)

    async def pause(self, seconds: float) -> None:
        self._next_slot = max(self._next_slot, self.monotonic() + seconds)
        await self.sleep(seconds)
