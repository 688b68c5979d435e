"""The contest in memory: read-mostly data is loaded once and revalidated now and then.

Imports may come from another process (the CLI) or instance, so the cache asks the database for
the contest's revision at most every `ttl`; a change in this process calls `invalidate()`.
A hook set with `after_reload` runs after each new snapshot is loaded (the running bot freezes
the heap there, so the snapshot is not walked by every later full garbage collection).
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import Clock, UnitOfWork

DEFAULT_TTL = timedelta(seconds=5)


class ContestCache:
    def __init__(self, clock: Clock, ttl: timedelta = DEFAULT_TTL) -> None:
        self._clock = clock
        self._ttl = ttl
        self._on_reload: Callable[[], None] | None = None
        self._snapshot: ContestSnapshot | None = None
        self._checked_at: datetime | None = None

    def after_reload(self, hook: Callable[[], None]) -> None:
        self._on_reload = hook

    def invalidate(self) -> None:
        self._checked_at = None

    async def get(self, uow: UnitOfWork) -> ContestSnapshot | None:
        now = self._clock.now()
        if self._checked_at is not None and now - self._checked_at < self._ttl:
            return self._snapshot
        revision = await uow.contest.revision()
        if revision is None:
            self._snapshot = None
        elif self._snapshot is None or self._snapshot.revision != revision:
            data = await uow.contest.load()
            self._snapshot = ContestSnapshot.build(data, revision) if data else None
            if self._on_reload is not None:
                self._on_reload()
        self._checked_at = now
        return self._snapshot
