"""Alembic, driven from code: the migrations ship inside the package.

Alembic (with Mako) is imported when a migration runs, not when the bot starts."""

import asyncio
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import create_engine

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(url: str) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "storage:migrations")
    # '%' is interpolation syntax in configparser; URLs may contain it (encoded passwords).
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_sync(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


async def upgrade(url: str, revision: str = "head") -> None:
    """Brings the schema to `revision`; running it on an up-to-date database does nothing."""
    await asyncio.to_thread(upgrade_sync, url, revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


__all__ = ["alembic_config", "create_engine", "current_revision", "upgrade", "upgrade_sync"]
