"""What `contest-bot import` prints for a bad file: at most 200 problems, limits by setting
name, and one line, never a traceback, for a file it cannot read."""

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.yaml_loading import load_yaml
from tests.cli.conftest import Invoke

Cli = Callable[[str], Invoke]
BAD_VENUES = 250


@pytest.fixture
def run(cli: Cli, tmp_path: Path) -> Invoke:
    return cli(f"sqlite+aiosqlite:///{tmp_path / 'c.db'}")


@pytest.fixture
def export(run: Invoke, tmp_path: Path) -> Path:
    """The demo contest as a workbook, from a database it was loaded into."""
    run("demo", "load")
    path = tmp_path / "demo.xlsx"
    assert run("export", str(path)).exit_code == 0
    return path


@pytest.fixture
def many_problems(run: Invoke, tmp_path: Path) -> Path:
    """The demo with 250 venues without a name: one problem each."""
    run("demo", "load")
    path = tmp_path / "bad.yaml"
    run("export", str(path))
    document = load_yaml(path.read_text(encoding="utf-8"))
    document["Venues"] += [{"code": f"V{n}"} for n in range(BAD_VENUES)]
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_at_most_200_problems_are_printed_then_how_many_more(
    run: Invoke, many_problems: Path
) -> None:
    result = run("import", str(many_problems))
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[0] == f"{BAD_VENUES} problems in {many_problems}; nothing was imported:"
    assert len([line for line in lines if line.startswith("  - ")]) == 200
    assert lines[-1] == f"…and {BAD_VENUES - 200} more problems"


def test_how_many_more_is_said_in_chinese(run: Invoke, many_problems: Path) -> None:
    output = run("import", str(many_problems), locale="zh-Hans").output
    assert output.splitlines()[-1] == f"…还有 {BAD_VENUES - 200} 个问题"


def test_a_limit_set_in_the_environment_refuses_the_file_naming_the_setting(
    run: Invoke, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPORT_MAX_ROWS", "100")
    result = run("import", "--dry-run", str(export))
    assert result.exit_code == 1
    assert "  - People: more than 100 rows (setting IMPORT_MAX_ROWS)" in result.output


def test_a_damaged_sheet_is_one_line_without_a_traceback(
    run: Invoke, export: Path, tmp_path: Path
) -> None:
    from tests.formats.parts import edit_sheet

    damaged = edit_sheet(export, tmp_path / "damaged.xlsx", "People", r"</row>", "</rpw>")
    result = run("import", str(damaged), locale="zh-Hans")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output.startswith(f"无法读取 {damaged}：People: mismatched tag")
    assert "Traceback" not in result.output
