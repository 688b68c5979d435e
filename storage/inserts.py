"""INSERT … ON CONFLICT DO NOTHING on both databases: a repeated event adds nothing.

Checking first and inserting after races with a second copy of the same update; letting the
unique constraint decide does not.
"""

from typing import Any

from sqlalchemy import Insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base


def insert_new(session: AsyncSession, table: type[Base], *unique: str) -> Insert:
    """An insert into `table` that skips rows whose `unique` columns already exist."""
    statement: Insert = dialect_insert(dialect_of(session))(table).on_conflict_do_nothing(
        index_elements=list(unique)
    )
    return statement


def dialect_insert(dialect: str) -> Any:
    """The `insert` of the dialect, the one with ON CONFLICT."""
    # Imported here: the engine has loaded its own dialect, and PostgreSQL's modules would add
    # 2 MiB to a bot on SQLite.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert


def dialect_of(session: AsyncSession) -> str:
    return session.get_bind().dialect.name
