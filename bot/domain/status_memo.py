"""Round statuses remembered between questions.

A round not live has the same statuses from one slot's end to the next (a slot is over, or
counts as a team still ahead, only by its printed end), so they are kept per round and per
interval between printed ends. A live round's forecast moves with every moment and every
event: it is kept only for the same progress at the same instant (one answer asking twice).
The memo belongs to one contest snapshot and is bounded.
"""

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from bot.domain.contest import Slot
from bot.domain.timeline import Progress, TurnStatus

KEPT = 1024

Statuses = Mapping[int, TurnStatus]


class StatusMemo:
    def __init__(self, round_slots: Mapping[str, Sequence[Slot]], size: int = KEPT) -> None:
        self._ends = {code: sorted(s.ends_at for s in slots) for code, slots in round_slots.items()}
        self._size = size
        self._kept: OrderedDict[tuple[str, object], Statuses] = OrderedDict()

    def planned(self, code: str, now: datetime, compute: Callable[[], Statuses]) -> Statuses:
        return self._get((code, bisect_right(self._ends[code], now)), compute)

    def live(
        self, code: str, progress: Progress, now: datetime, compute: Callable[[], Statuses]
    ) -> Statuses:
        return self._get((code, (progress, now)), compute)

    def _get(self, key: tuple[str, object], compute: Callable[[], Statuses]) -> Statuses:
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = compute()
            if len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return found
