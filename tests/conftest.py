"""Shared fixtures: a migrated database on SQLite and, when configured, PostgreSQL."""

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft
from bot.domain.invites import assign_invite_codes
from bot.domain.problems import Problem
from storage.database import Database

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
NO_POSTGRES = "TEST_POSTGRES_URL is not set (e.g. postgresql+asyncpg://postgres@127.0.0.1/test)"


def _reset_postgres(url: str) -> None:
    """Empties the test database so each test starts from a schema built by the migrations."""
    # In a thread of its own: the caller may be inside pytest-asyncio's running loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _reset_postgres_async(url)).result()


async def _reset_postgres_async(url: str) -> None:
    from storage.engine import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL, once per dialect."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'contest.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    _reset_postgres(POSTGRES_URL)
    yield POSTGRES_URL


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    handle = await Database.open(database_url)
    yield handle
    await handle.close()


@pytest.fixture(scope="session")
def demo_parsed() -> tuple[ContestDraft, list[Problem]]:
    from bot.demo.contest import demo_document
    from bot.formats.parse import parse_document
    from bot.formats.yaml_reader import document_from_mapping

    return parse_document(document_from_mapping(demo_document()))


@pytest.fixture(scope="session")
def demo_data(demo_parsed: tuple[ContestDraft, list[Problem]]) -> ContestData:
    """The demo contest with invite codes assigned, as it is after an import."""
    draft, problems = demo_parsed
    assert problems == []
    data = draft.to_data()
    counter = count(1)
    people = assign_invite_codes(data.people, {}, lambda: f"CODE{next(counter):04d}")
    return replace(data, people=people)
