"""Two `/start CODE` of one user at the same moment (two instances, or a double tap): both are
answered as usual, one binds and the other finds the account already bound, nothing fails."""

import asyncio
from datetime import UTC, datetime

import pytest

from bot.domain.contest import ContestData
from bot.domain.onboarding import Outcome, StartResult
from bot.domain.snapshot import ContestSnapshot
from bot.services.onboarding import open_account, start_with_code
from storage.database import Database
from tests.conftest import stored
from tests.fakes.clock import FakeClock

NOW = datetime(2024, 9, 26, 8, 0, tzinfo=UTC)
USER = 5150


@pytest.fixture
async def snapshot(database: Database, demo_data: ContestData) -> ContestSnapshot:
    return await stored(database, demo_data)


async def start(database: Database, snapshot: ContestSnapshot, code: str) -> StartResult:
    async with database.unit_of_work() as uow:
        result = await start_with_code(uow, FakeClock(NOW), snapshot, USER, code)
        await uow.commit()
    return result


async def test_two_concurrent_starts_with_one_code_bind_once_and_fail_nothing(
    database: Database, snapshot: ContestSnapshot
) -> None:
    person = next(p for p in snapshot.data.people if p.code == "H07-1")
    assert person.invite_code is not None
    code = person.invite_code
    results = await asyncio.gather(start(database, snapshot, code), start(database, snapshot, code))
    outcomes = sorted(result.outcome for result in results)
    assert outcomes == sorted([Outcome.BOUND, Outcome.ALREADY_YOURS])
    assert {result.account.person_id for result in results} == {person.id}


async def test_two_concurrent_first_messages_open_one_account(database: Database) -> None:
    async def first_message() -> int | None:
        async with database.unit_of_work() as uow:
            account = await open_account(uow, FakeClock(NOW), USER)
            await uow.commit()
        return account.id

    first, second = await asyncio.gather(first_message(), first_message())
    assert first == second is not None
