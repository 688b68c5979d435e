"""Alembic, driven from code: the migrations ship inside the package.

Alembic (with Mako and Pygments, and every migration module) is imported only when a migration
has to run: a start on a database already at the head reads its revision and goes on, which
spares the running bot their memory (about 5 MiB)."""

import asyncio
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
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


def head_revision() -> str:
    """The newest migration's revision, read from the files' text (importing them is Alembic's
    work): the one that no other names as its `down_revision`."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (Path(__file__).parent / "migrations" / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        parents.update(_DOWN_REVISION.findall(source))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


async def at_head(engine: AsyncEngine) -> bool:
    """True when the database's schema is at the newest migration."""
    try:
        async with engine.connect() as connection:
            stored: str | None = await connection.scalar(
                text("SELECT version_num FROM alembic_version")
            )
    except DBAPIError:  # no schema yet
        return False
    return stored == head_revision()


_REVISION = re.compile(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:: [^=]+)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)


async def current_revision(engine: AsyncEngine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


__all__ = [
    "alembic_config",
    "at_head",
    "create_engine",
    "current_revision",
    "head_revision",
    "upgrade",
    "upgrade_sync",
]
