"""Several processes upgrading one empty database at once (N instances starting together) all
succeed, and leave it at the latest revision."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from storage.migrate import alembic_config
from tests.conftest import NO_POSTGRES, POSTGRES_URL, _reset_postgres

ROOT = Path(__file__).resolve().parents[2]
UPGRADERS = 3


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    _reset_postgres(POSTGRES_URL)
    yield POSTGRES_URL


def contest_bot(url: str, cwd: Path, *args: str) -> subprocess.Popen[str]:
    """`python -m bot.cli *args` in a process of its own, in English, on the database `url`."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,  # no stray .env
        env={"DATABASE_URL": url, "DEFAULT_LOCALE": "en", "PATH": "", "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_upgraders_started_together_on_an_empty_database_all_succeed(
    empty_database: str, tmp_path: Path
) -> None:
    upgraders = [contest_bot(empty_database, tmp_path, "db", "upgrade") for _ in range(UPGRADERS)]
    outputs = [upgrader.communicate()[0] for upgrader in upgraders]
    assert [upgrader.returncode for upgrader in upgraders] == [0] * UPGRADERS, outputs
    current = contest_bot(empty_database, tmp_path, "db", "current")
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert f"Schema revision: {head}" in current.communicate()[0]
