"""`contest-bot import` of another contest's file: refused with what it would remove, unless
--replace; the database is left exactly as it was."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke

Cli = Callable[[str], Invoke]


def dump(path: Path) -> list[str]:
    """The whole SQLite database as SQL statements: equal dumps, equal content."""
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


@pytest.fixture
def loaded(cli: Cli, tmp_path: Path) -> tuple[Invoke, Path, Path]:
    """The demo loaded, and a file of another contest: the demo renamed."""
    database = tmp_path / "c.db"
    run = cli(f"sqlite+aiosqlite:///{database}")
    run("demo", "load")
    other = tmp_path / "other.yaml"
    run("export", str(other))
    text = other.read_text(encoding="utf-8").replace("（演示）", "（正式）")
    other.write_text(text, encoding="utf-8")
    return run, database, other


def test_importing_another_contest_exits_non_zero_and_changes_nothing(
    loaded: tuple[Invoke, Path, Path],
) -> None:
    run, database, other = loaded
    before = dump(database)
    result = run("import", str(other))
    assert result.exit_code == 1
    assert dump(database) == before


@pytest.mark.parametrize("options", [(), ("--dry-run",)])
def test_the_refusal_names_both_contests_and_counts_what_would_be_removed(
    loaded: tuple[Invoke, Path, Path], options: tuple[str, ...]
) -> None:
    run, _, other = loaded
    output = run("import", *options, str(other)).output
    assert "another contest" in output
    assert "（正式）" in output
    assert "（演示）" in output
    assert "  - 40 teams" in output
    assert "  - 172 people" in output
    assert "add --replace" in output


def test_a_dry_run_with_replace_shows_the_replacement_and_saves_nothing(
    loaded: tuple[Invoke, Path, Path],
) -> None:
    run, database, other = loaded
    before = dump(database)
    result = run("import", "--dry-run", "--replace", str(other))
    assert result.exit_code == 0
    assert "  - 172 people" in result.output
    assert "nothing was saved" in result.output
    assert dump(database) == before


def test_replace_loads_the_other_contest_and_audits_the_replacement(
    loaded: tuple[Invoke, Path, Path],
) -> None:
    run, _, other = loaded
    result = run("import", "--replace", str(other))
    assert result.exit_code == 0, result.output
    assert "Replacing it removed:\n  - 40 teams" in result.output
    assert "（正式）" in run("show").output
    assert "OK: 1 entry" in run("audit", "verify").output  # the replacement, chained
