"""Shared fixtures: a migrated database on SQLite and, when configured, PostgreSQL."""

import asyncio
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.domain.accounts import Account
from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft
from bot.domain.enums import Locale
from bot.domain.invites import assign_invite_codes
from bot.domain.problems import Problem
from bot.domain.snapshot import ContestSnapshot
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


async def stored(
    database: Database,
    data: ContestData,
    chats: Mapping[str, int] | None = None,
    locales: Mapping[str, Locale] | None = None,
) -> ContestSnapshot:
    """`data` saved, and the people named by code joined the bot in the chats given."""
    joined_at = datetime(2024, 9, 24, tzinfo=UTC)
    async with database.unit_of_work() as uow:
        await uow.contest.replace(data)
        loaded = await uow.contest.load()
        assert loaded is not None
        people = {p.code: p for p in loaded.people}
        for code, chat in (chats or {}).items():
            locale = (locales or {}).get(code)
            await uow.accounts.save(Account(chat, chat, joined_at, people[code].id, locale))
        await uow.commit()
    return ContestSnapshot.build(loaded, revision=1)


def person_id(snapshot: ContestSnapshot, code: str) -> int:
    found = next(p.id for p in snapshot.data.people if p.code == code)
    assert found is not None
    return found
