"""The migrations build exactly the schema the models describe, on every dialect."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

import storage.database
from storage.database import Database
from storage.engine import create_engine
from storage.migrate import alembic_config, at_head, current_revision, head_revision, upgrade
from storage.models import Base


async def test_models_and_migrations_agree(database: Database) -> None:
    def differences(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_upgrade_creates_every_table(database: Database) -> None:
    async with database.engine.connect() as connection:
        tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert set(Base.metadata.tables) | {"alembic_version"} == tables


async def test_upgrading_twice_changes_nothing(database: Database, database_url: str) -> None:
    before = await current_revision(database.engine)
    await upgrade(database_url)
    assert await current_revision(database.engine) == before
    assert before is not None


def test_the_head_read_from_the_files_is_alembics_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert head_revision() == script.get_current_head()


async def test_an_empty_database_is_not_at_the_head(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        assert not await at_head(engine)
    finally:
        await engine.dispose()


async def test_opening_a_database_at_the_head_runs_no_migration(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def refuse(url: str, revision: str = "head") -> None:
        raise AssertionError("a migration ran on a database already at the head")

    monkeypatch.setattr(storage.database, "upgrade", refuse)
    again = await Database.open(database_url)
    await again.close()
    assert await at_head(database.engine)
