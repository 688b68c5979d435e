"""Named leases, one holder at a time: who leads the background work, who long-polls.

On PostgreSQL a lease is a session advisory lock held on a connection of its own: the server
frees it the moment that connection dies (a killed process closes its socket; a vanished host
is found by the TCP keepalives set below). SQLite has no such lock, so a row names the holder
until an expiry it renews; an expired row may be taken over.
"""

import asyncio
import logging
import os
import socket
import uuid
import zlib
from contextlib import suppress
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import NullPool

from storage.engine import create_engine
from storage.models import LeaseRow

log = logging.getLogger(__name__)
LEASE_TTL = timedelta(seconds=6)  # renewed every 2 s, so a holder may miss two renewals
CHECK_TIMEOUT = 3.0  # seconds a holder waits for its lock's connection to answer
# The server gives up on a silent client after 5 + 2 × 2 s (default: hours).
KEEPALIVES = ("tcp_keepalives_idle = 5", "tcp_keepalives_interval = 2", "tcp_keepalives_count = 2")
LEADER = "leader"
POLLING = "polling"


def holder_id() -> str:
    """Names this process in the leases it takes: host, pid and a random part."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class AdvisoryLease:
    """A PostgreSQL session advisory lock on a dedicated connection."""

    def __init__(self, url: str, name: str) -> None:
        self.name = name
        self._key = zlib.crc32(f"contest-assistant:{name}".encode())
        self._engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        self._connection: AsyncConnection | None = None
        self._held = False

    async def hold(self) -> bool:
        """Takes the lock, or checks the one held still stands; False if another holds it or
        the connection holding ours is gone (the server has freed it then)."""
        try:
            return await asyncio.wait_for(self._hold(), CHECK_TIMEOUT)
        except (DBAPIError, OSError, TimeoutError) as error:
            log.warning("lease %s: database connection lost (%s)", self.name, error)
            await self._drop()
            return False

    async def _hold(self) -> bool:
        if self._connection is None:
            self._connection = await self._engine.connect()
            for setting in KEEPALIVES:
                await self._connection.execute(text(f"SET {setting}"))
        if self._held:
            await self._connection.execute(text("SELECT 1"))
            return True
        taken = await self._connection.scalar(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key}
        )
        self._held = bool(taken)
        return self._held

    async def release(self) -> None:
        if self._connection is not None and self._held:
            with suppress(DBAPIError, OSError):  # gone with its connection, if that is
                await self._connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": self._key}
                )
        await self._drop()
        await self._engine.dispose()

    async def _drop(self) -> None:
        self._held = False
        connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(DBAPIError, OSError):
                await connection.invalidate()
                await connection.close()


class RowLease:
    """A row naming the holder until `expires_at`; renewing pushes the expiry on."""

    def __init__(self, engine: AsyncEngine, name: str, holder: str, ttl: timedelta = LEASE_TTL):
        self.name = name
        self.holder = holder
        self._engine = engine
        self._ttl = ttl

    async def hold(self) -> bool:
        now = datetime.now(UTC)
        try:
            async with self._engine.begin() as connection:
                row = (
                    await connection.execute(
                        select(LeaseRow.holder, LeaseRow.expires_at).where(
                            LeaseRow.name == self.name
                        )
                    )
                ).first()
                values = {"holder": self.holder, "expires_at": now + self._ttl}
                if row is None:
                    await connection.execute(insert(LeaseRow).values(name=self.name, **values))
                elif row.holder == self.holder or row.expires_at <= now:
                    await connection.execute(
                        update(LeaseRow).where(LeaseRow.name == self.name).values(**values)
                    )
                else:
                    return False
        except OperationalError as error:  # e.g. locked for longer than busy_timeout
            log.warning("lease %s: not renewed (%s)", self.name, error)
            return False
        return True

    async def release(self) -> None:
        async with self._engine.begin() as connection:
            await connection.execute(
                delete(LeaseRow).where(LeaseRow.name == self.name, LeaseRow.holder == self.holder)
            )


def create_lease(url: str, engine: AsyncEngine, name: str) -> AdvisoryLease | RowLease:
    if make_url(url).get_backend_name() == "postgresql":
        return AdvisoryLease(url, name)
    return RowLease(engine, name, holder_id())
