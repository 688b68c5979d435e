"""One bot per case on the demo contest, joined by its cast; SQLite for every case, PostgreSQL
for the cases marked `postgres` (each empties the test database and imports the demo again)."""

import asyncio
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.domain.snapshot import ContestSnapshot
from tests.conftest import NO_POSTGRES, POSTGRES_URL, _reset_postgres
from tests.handlers.conftest import Telegram
from tests.hostile.bot import copy_database, open_hostile, prepare_demo, prepared_snapshot


@dataclass(frozen=True)
class PreparedDemo:
    """The demo imported and joined once; every SQLite case starts from a copy of it."""

    path: Path
    snapshot: ContestSnapshot


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> PreparedDemo:
    path = tmp_path_factory.mktemp("hostile") / "demo.db"
    url = f"sqlite+aiosqlite:///{path}"
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, prepare_demo(url)).result()
        snapshot = pool.submit(asyncio.run, prepared_snapshot(url)).result()
    return PreparedDemo(path, snapshot)


@pytest.fixture
async def hostile(
    request: pytest.FixtureRequest, demo_file: PreparedDemo, tmp_path: Path
) -> AsyncIterator[Telegram]:
    """The joined demo on the dialect of the case: parametrise it indirectly ("sqlite" by
    default, "postgres")."""
    dialect = getattr(request, "param", "sqlite")
    if dialect == "sqlite":
        url = copy_database(demo_file.path, tmp_path / "bot.db")
        telegram = await open_hostile(url, snapshot=demo_file.snapshot)
    else:
        if not POSTGRES_URL:
            pytest.skip(NO_POSTGRES)
        _reset_postgres(POSTGRES_URL)
        await prepare_demo(POSTGRES_URL)
        telegram = await open_hostile(POSTGRES_URL)  # prepared: not migrated again
    yield telegram
    await telegram.close()


@pytest.fixture
def failures(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """The log of this case: the dispatcher's error handler writes there on every failure."""
    caplog.set_level(logging.ERROR)
    return caplog
