"""Webhook instances' heartbeats: each running one refreshes its row, so another starting up
can tell whether it would be the second (and then needs Redis to share dialogues)."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.models import InstanceRow

HEARTBEAT_EVERY = timedelta(seconds=5)
ALIVE_FOR = timedelta(seconds=15)  # three heartbeats missed: gone
WEBHOOK = "webhook"


async def beat(engine: AsyncEngine, instance: str, kind: str, uses_redis: bool) -> None:
    now = datetime.now(UTC)
    async with engine.begin() as connection:
        values = {"kind": kind, "uses_redis": uses_redis, "seen_at": now}
        updated = await connection.execute(
            update(InstanceRow).where(InstanceRow.id == instance).values(**values)
        )
        if updated.rowcount == 0:  # only this instance writes its row
            await connection.execute(insert(InstanceRow).values(id=instance, **values))
        await connection.execute(delete(InstanceRow).where(InstanceRow.seen_at < now - ALIVE_FOR))


async def others_alive(engine: AsyncEngine, instance: str, kind: str) -> list[str]:
    since = datetime.now(UTC) - ALIVE_FOR
    query = select(InstanceRow.id).where(
        InstanceRow.kind == kind, InstanceRow.id != instance, InstanceRow.seen_at >= since
    )
    async with engine.connect() as connection:
        return list((await connection.scalars(query)).all())


async def forget(engine: AsyncEngine, instance: str) -> None:
    async with engine.begin() as connection:
        await connection.execute(delete(InstanceRow).where(InstanceRow.id == instance))


async def database_answers(engine: AsyncEngine) -> None:
    """SELECT 1; raises if the database does not answer."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
