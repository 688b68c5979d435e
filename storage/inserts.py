"""INSERT … ON CONFLICT DO NOTHING on both databases: a repeated event adds nothing.

Checking first and inserting after races with a second copy of the same update; letting the
unique constraint decide does not.
"""

from typing import Any

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base


def insert_new(session: AsyncSession, table: type[Base], *unique: str) -> Insert:
    """An insert into `table` that skips rows whose `unique` columns already exist."""
    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement: Insert = insert(table).on_conflict_do_nothing(index_elements=list(unique))
    return statement
