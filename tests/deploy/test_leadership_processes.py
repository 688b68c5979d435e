"""Real `contest-bot worker` and `run` processes on one database: one leader at a time, a
standby that takes over when the leader is killed, and a single long poller."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.database import Database
from tests.deploy.fake_bot_api import FakeBotApi
from tests.deploy.processes import bot_environment, contest_bot

LEADER, STANDBY = r"\bleader: ", r"\bstandby: "
TAKEOVER = 10  # seconds a standby may take to lead once the leader is killed


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


async def test_of_two_workers_one_leads_and_the_other_stands_by(
    database: Database, database_url: str, api: FakeBotApi, tmp_path: Path
) -> None:
    env = bot_environment(database_url, api.url)
    async with contest_bot(tmp_path, env, "worker") as first:
        await first.wait_for_line(LEADER)
        async with contest_bot(tmp_path, env, "worker") as second:
            await second.wait_for_line(STANDBY)
            assert not second.logged(LEADER)
            assert await second.stop() == 0
        assert await first.stop() == 0


async def test_a_standby_worker_leads_soon_after_the_leader_is_killed(
    database: Database, database_url: str, api: FakeBotApi, tmp_path: Path
) -> None:
    env = bot_environment(database_url, api.url)
    async with contest_bot(tmp_path, env, "worker") as first:
        await first.wait_for_line(LEADER)
        async with contest_bot(tmp_path, env, "worker") as second:
            await second.wait_for_line(STANDBY)
            first.kill()
            await second.wait_for_line(LEADER, within=TAKEOVER)
            assert await second.stop() == 0


async def test_a_second_poller_refuses_to_start_while_the_first_polls(
    database: Database, database_url: str, api: FakeBotApi, tmp_path: Path
) -> None:
    env = bot_environment(database_url, api.url)
    async with contest_bot(tmp_path, env, "run") as first:
        await first.wait_for_line("polling lease")
        await api.wait_for("getUpdates")
        async with contest_bot(tmp_path, env, "run") as second:
            assert await second.exit_code() == 1
            assert "already polling" in second.output()
        assert await first.stop() == 0


async def test_a_polling_bot_is_the_leader_when_no_worker_runs(
    database: Database, database_url: str, api: FakeBotApi, tmp_path: Path
) -> None:
    env = bot_environment(database_url, api.url)
    async with contest_bot(tmp_path, env, "run") as polling:
        await polling.wait_for_line(LEADER)
        async with contest_bot(tmp_path, env, "worker") as worker:
            await worker.wait_for_line(STANDBY)
            assert await worker.stop() == 0
        assert await polling.stop() == 0
