"""Guessing invite codes from many accounts: an overall budget a minute, and one per invite."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.contest import ContestData
from bot.domain.invite_limits import CODE_FAILURES, CODE_WINDOW, OVERALL_FAILURES
from bot.domain.onboarding import Outcome, StartResult
from bot.domain.snapshot import ContestSnapshot
from bot.services.onboarding import start_with_code, unbind
from storage.database import Database
from tests.conftest import stored
from tests.fakes.clock import FakeClock

NOW = datetime(2024, 9, 26, 8, 0, tzinfo=UTC)
OWNER, HOLDER = 1, 2
GUESSERS = range(1000, 1000 + OVERALL_FAILURES)


@pytest.fixture
async def snapshot(database: Database, demo_data: ContestData) -> ContestSnapshot:
    return await stored(database, demo_data)


def code_of(snapshot: ContestSnapshot, person_code: str) -> str:
    code = next(p.invite_code for p in snapshot.data.people if p.code == person_code)
    assert code is not None
    return code


async def start(
    database: Database, snapshot: ContestSnapshot, clock: FakeClock, user: int, code: str
) -> StartResult:
    async with database.unit_of_work() as uow:
        result = await start_with_code(uow, clock, snapshot, user, code)
        await uow.commit()
    return result


async def flood(database: Database, snapshot: ContestSnapshot, clock: FakeClock) -> None:
    """One wrong guess from each of many new accounts, all within a few seconds."""
    for user in GUESSERS:
        result = await start(database, snapshot, clock, user, "WRONG234")
        assert result.outcome is Outcome.WRONG_CODE
        clock.advance(timedelta(milliseconds=100))


async def test_many_accounts_guessing_close_code_entry_for_a_minute(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await flood(database, snapshot, clock)
    refused = await start(database, snapshot, clock, 5000, "WRONG235")
    assert refused.outcome is Outcome.TOO_MANY_ATTEMPTS
    assert refused.wait_minutes == 1
    assert refused.blocked_until == NOW + timedelta(minutes=1)


async def test_while_closed_even_the_right_code_waits(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await flood(database, snapshot, clock)
    result = await start(database, snapshot, clock, OWNER, code_of(snapshot, "H07-1"))
    assert result.outcome is Outcome.TOO_MANY_ATTEMPTS


async def test_the_rightful_owner_binds_a_minute_after_the_flood(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await flood(database, snapshot, clock)
    for user in range(5000, 5100):  # refused attempts do not keep it closed
        await start(database, snapshot, clock, user, "WRONG235")
    clock.set(NOW + timedelta(minutes=1))
    result = await start(database, snapshot, clock, OWNER, code_of(snapshot, "H07-1"))
    assert result.outcome is Outcome.BOUND


async def test_a_refused_attempt_costs_the_account_none_of_its_own_attempts(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await flood(database, snapshot, clock)
    await start(database, snapshot, clock, OWNER, "WRONG235")
    clock.set(NOW + timedelta(minutes=1))
    result = await start(database, snapshot, clock, OWNER, "WRONG236")
    assert (result.outcome, result.attempts_left) == (Outcome.WRONG_CODE, 4)


async def attempts_on_a_held_invite(
    database: Database, snapshot: ContestSnapshot, clock: FakeClock, count: int
) -> list[Outcome]:
    code = code_of(snapshot, "H07-1")
    await start(database, snapshot, clock, HOLDER, code)
    return [
        (await start(database, snapshot, clock, user, code)).outcome
        for user in range(3000, 3000 + count)
    ]


async def test_an_invite_another_account_holds_is_answered_three_times_then_refused(
    database: Database, snapshot: ContestSnapshot
) -> None:
    outcomes = await attempts_on_a_held_invite(database, snapshot, FakeClock(NOW), 5)
    assert outcomes == [Outcome.PERSON_TAKEN] * CODE_FAILURES + [Outcome.TOO_MANY_ATTEMPTS] * 2


async def test_the_limit_on_a_held_invite_lasts_a_quarter_hour(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await attempts_on_a_held_invite(database, snapshot, clock, CODE_FAILURES)
    refused = await start(database, snapshot, clock, 3999, code_of(snapshot, "H07-1"))
    assert refused.wait_minutes == 15
    clock.advance(CODE_WINDOW)
    answered = await start(database, snapshot, clock, 3999, code_of(snapshot, "H07-1"))
    assert answered.outcome is Outcome.PERSON_TAKEN


async def test_an_invite_freed_by_an_organizer_binds_at_once_despite_earlier_attempts(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await attempts_on_a_held_invite(database, snapshot, clock, CODE_FAILURES + 2)
    async with database.unit_of_work() as uow:
        assert await unbind(uow, snapshot, "H07-1") is not None
        await uow.commit()
    result = await start(database, snapshot, clock, OWNER, code_of(snapshot, "H07-1"))
    assert result.outcome is Outcome.BOUND


async def test_failures_older_than_a_quarter_hour_are_forgotten(
    database: Database, snapshot: ContestSnapshot
) -> None:
    clock = FakeClock(NOW)
    await flood(database, snapshot, clock)
    clock.set(NOW + CODE_WINDOW + timedelta(minutes=1))
    await start(database, snapshot, clock, 5000, "WRONG235")
    async with database.unit_of_work() as uow:
        assert len(await uow.accounts.failed_code_times(NOW - timedelta(days=1))) == 1
