"""Telegram's sending limits, for rehearsing under them: 30 messages/s overall, 1/s per chat."""

import math
import time
from collections.abc import Callable


class RateLimiter:
    """Token buckets; `acquire` returns 0 when the message may go, else seconds to wait."""

    def __init__(
        self,
        overall_per_second: float = 30.0,
        per_chat_per_second: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._overall_rate = overall_per_second
        self._chat_rate = per_chat_per_second
        self._clock = clock
        self._overall = (overall_per_second, clock())
        self._chats: dict[int, tuple[float, float]] = {}

    def acquire(self, chat_id: int) -> int:
        now = self._clock()
        overall = _refill(self._overall, self._overall_rate, now)
        chat = _refill(self._chats.get(chat_id, (1.0, now)), self._chat_rate, now, capacity=1.0)
        if overall[0] < 1 or chat[0] < 1:
            missing = max((1 - overall[0]) / self._overall_rate, (1 - chat[0]) / self._chat_rate)
            self._overall, self._chats[chat_id] = overall, chat
            return max(1, math.ceil(missing))
        self._overall = (overall[0] - 1, now)
        self._chats[chat_id] = (chat[0] - 1, now)
        return 0


def _refill(
    bucket: tuple[float, float], rate: float, now: float, capacity: float | None = None
) -> tuple[float, float]:
    tokens, since = bucket
    return (min(capacity or rate, tokens + (now - since) * rate), now)
