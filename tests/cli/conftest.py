"""Running `contest-bot` in-process, with settings from a clean environment."""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

Invoke = Callable[..., Result]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[str], Invoke]:
    """cli(database_url)(*args, locale="en") runs one command the way a user would."""
    monkeypatch.chdir(tmp_path)  # no stray .env, and relative paths land in tmp_path
    for name in ("BOT_TOKEN", "BOT_USERNAME", "TELEGRAM_API_URL", "TIMEZONE"):
        monkeypatch.delenv(name, raising=False)

    def for_database(url: str) -> Invoke:
        def invoke(*args: str, locale: str = "en") -> Result:
            from bot.cli.app import create_app

            monkeypatch.setenv("DATABASE_URL", url)
            monkeypatch.setenv("DEFAULT_LOCALE", locale)
            return CliRunner().invoke(create_app(), list(args))

        return invoke

    return for_database
