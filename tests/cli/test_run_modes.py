"""`contest-bot run --webhook` and `worker` refuse to start when they cannot work, and say why."""

import asyncio
from collections.abc import Callable

import pytest

from storage import instances
from storage.database import Database
from tests.cli.conftest import Invoke

WEBHOOK = {"WEBHOOK_URL": "https://bot.example.org/hook", "WEBHOOK_SECRET": "s3cret"}


@pytest.fixture(autouse=True)
def token(cli: Callable[[str], Invoke], monkeypatch: pytest.MonkeyPatch) -> None:
    """After the clean environment `cli` makes: a token, and no Redis."""
    monkeypatch.setenv("BOT_TOKEN", "42:TEST")
    monkeypatch.delenv("REDIS_URL", raising=False)


def test_webhook_mode_refuses_to_start_without_its_url_and_secret(
    cli: Callable[[str], Invoke], database_url: str
) -> None:
    result = cli(database_url)("run", "--webhook")
    assert result.exit_code == 1
    assert "WEBHOOK_URL" in result.output
    assert "WEBHOOK_SECRET" in result.output


async def another_instance_beats(url: str, instance: str) -> None:
    database = await Database.open(url)
    await instances.beat(database.engine, instance, instances.WEBHOOK, uses_redis=False)
    await database.close()


def test_a_second_webhook_instance_without_redis_refuses_to_start(
    cli: Callable[[str], Invoke], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asyncio.run(another_instance_beats(database_url, "elsewhere:8081"))
    for name, value in WEBHOOK.items():
        monkeypatch.setenv(name, value)
    result = cli(database_url)("run", "--webhook")
    assert result.exit_code == 1
    assert "elsewhere:8081" in result.output
    assert "REDIS_URL" in result.output


def test_the_worker_refuses_to_start_without_a_token(
    cli: Callable[[str], Invoke], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOT_TOKEN")
    result = cli(database_url)("worker")
    assert result.exit_code == 1
    assert "BOT_TOKEN" in result.output
