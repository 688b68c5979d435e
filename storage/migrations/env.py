"""Alembic environment: runs migrations over the async engine of the configured URL.

Several processes may upgrade one empty database at once (N instances starting together), so
the whole upgrade is one transaction that first takes the database's migration lock: the
others wait for it, then find the schema at head and do nothing.
"""

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from storage.engine import create_engine
from storage.models import Base

target_metadata = Base.metadata
# pg_advisory_xact_lock's key: any constant the application uses for nothing else ("contest").
MIGRATION_LOCK = 0x636F6E74657374
# How long an upgrader waits on SQLite for another one's migrations (milliseconds).
SQLITE_MIGRATION_WAIT_MS = 120_000


def take_migration_lock(connection: Connection) -> None:
    """Begins the upgrade's one transaction holding the lock every other upgrader waits for:
    an advisory lock released at commit on PostgreSQL, the write lock on SQLite (the engine
    begins every transaction IMMEDIATE)."""
    if connection.dialect.name == "sqlite":
        # On the driver's connection: through SQLAlchemy the pragma would begin a transaction.
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_MIGRATION_WAIT_MS}")
        cursor.close()
        connection.begin()
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def run_with(connection: Connection) -> None:
    take_migration_lock(connection)
    # Configured inside the transaction begun above, Alembic runs every migration in it.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as connection:
        await connection.run_sync(run_with)
        await connection.commit()
    await engine.dispose()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
    else:
        asyncio.run(run_online())


main()
