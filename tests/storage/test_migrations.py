"""The migrations build exactly the schema the models describe, on every dialect."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from storage.database import Database
from storage.migrate import current_revision, upgrade
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
