"""The CLI as organizers use it: demo, show, export and import, clear errors, exit codes."""

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from storage.database import Database
from tests.cli.conftest import Invoke

Cli = Callable[[str], Invoke]


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def test_help_starts_without_loading_the_database_telegram_or_rich_libraries() -> None:
    probe = (
        "import sys\n"
        "sys.argv = ['contest-bot', '--help']\n"
        "from bot.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'sqlalchemy', 'aiogram', 'openpyxl', 'alembic', 'asyncpg', 'rich'}\n"
        "heavy &= set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "demo" in done.stdout


def test_demo_load_then_show_prints_tracks_teams_contestants_and_programme(
    cli: Cli, tmp_path: Path
) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    assert run("demo", "load").exit_code == 0
    shown = run("show")
    assert shown.exit_code == 0
    assert "Tracks: 2" in shown.output
    assert "Teams: 40" in shown.output
    assert "120 contestants" in shown.output
    assert "20 teams, 60 contestants, 20 leaders" in shown.output
    assert "2024-09-27" in shown.output
    assert "Showcase (12345 track) · 20 teams" in shown.output


def test_show_speaks_chinese_by_default(cli: Cli, tmp_path: Path) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    shown = run("show", locale="zh-Hans")
    assert "赛道：2 个" in shown.output
    assert "参赛队：40 支" in shown.output
    assert "风采展示（12345赛道） · 20 支队伍" in shown.output


def test_show_of_one_team_lists_members_and_slots(cli: Cli, tmp_path: Path) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    shown = run("show", "--team", "H07")
    assert shown.exit_code == 0
    assert shown.output.count("contestants #") == 3
    assert "Arena preliminary (12345 track) · No. " in shown.output


def test_show_of_one_day_lists_every_slot(cli: Cli, tmp_path: Path) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    shown = run("show", "--day", "2024-09-26")
    assert shown.exit_code == 0
    assert shown.output.count("Showcase (") == 40


@pytest.mark.parametrize("suffix", [".xlsx", ".yaml"])
def test_export_then_import_into_an_empty_database_reproduces_it_exactly(
    cli: Cli, tmp_path: Path, database_url: str, suffix: str
) -> None:
    source = cli(sqlite_url(tmp_path / "source.db"))
    assert source("demo", "load").exit_code == 0
    exported = tmp_path / f"contest{suffix}"
    assert source("export", str(exported)).exit_code == 0
    imported = cli(database_url)("import", str(exported))
    assert imported.exit_code == 0, imported.output
    assert f"Imported {exported}." in imported.output
    assert _load(sqlite_url(tmp_path / "source.db")) == _load(database_url)


def _load(url: str) -> object:
    import asyncio

    async def load() -> object:
        database = await Database.open(url)
        try:
            async with database.unit_of_work() as uow:
                return await uow.contest.load()
        finally:
            await database.close()

    return asyncio.run(load())


def test_a_malformed_file_is_rejected_with_every_problem_and_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    before = _load(sqlite_url(tmp_path / "c.db"))
    broken = tmp_path / "broken.yaml"
    run("export", str(broken))
    text = broken.read_text(encoding="utf-8")
    text = text.replace("team: H01", "team: X01", 1).replace("duration: 8", "duration: -8", 1)
    broken.write_text(text, encoding="utf-8")
    result = run("import", str(broken))
    assert result.exit_code == 1
    assert "2 problems" in result.output
    assert "team 'X01' does not exist" in result.output
    assert "the duration must be positive" in result.output
    assert "Traceback" not in result.output
    assert _load(sqlite_url(tmp_path / "c.db")) == before


def test_a_dry_run_saves_nothing(cli: Cli, tmp_path: Path) -> None:
    source = cli(sqlite_url(tmp_path / "source.db"))
    source("demo", "load")
    source("export", str(tmp_path / "c.yaml"))
    target = cli(sqlite_url(tmp_path / "target.db"))
    result = target("import", "--dry-run", str(tmp_path / "c.yaml"))
    assert result.exit_code == 0
    assert "nothing was saved" in result.output
    assert _load(sqlite_url(tmp_path / "target.db")) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "missing.xlsx"), "File not found: missing.xlsx"),
        (("import", "contest.csv"), "Unsupported file type '.csv'"),
        (("export", "out.xlsx"), "There is no contest to export yet"),
        (("show",), "No contest is loaded yet"),
        (("show", "--day", "26/09"), "'26/09' is not a date"),
        (("template", "t.yaml"), "A template is a workbook"),
    ],
)
def test_a_user_mistake_is_one_clear_line_and_exit_code_1(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "contest.csv").write_text("a,b\n", encoding="utf-8")
    result = cli(sqlite_url(tmp_path / "c.db"))(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_database_is_reported_without_its_password(cli: Cli) -> None:
    result = cli("postgresql+asyncpg://user:secret@127.0.0.1:1/contest")("show")
    assert result.exit_code == 1
    assert "Cannot use the database postgresql+asyncpg://user:***@127.0.0.1:1/contest" in (
        result.output
    )
    assert "secret" not in result.output


def test_demo_load_does_not_replace_another_contest_unless_forced(cli: Cli, tmp_path: Path) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    exported = tmp_path / "c.yaml"
    run("export", str(exported))
    exported.write_text(
        exported.read_text(encoding="utf-8").replace("（演示）", "（正式）"), encoding="utf-8"
    )
    assert run("import", "--replace", str(exported)).exit_code == 0
    refused = run("demo", "load")
    assert refused.exit_code == 1
    assert "add --force" in refused.output
    assert run("demo", "load", "--force").exit_code == 0


def test_template_writes_a_workbook(cli: Cli, tmp_path: Path) -> None:
    result = cli(sqlite_url(tmp_path / "c.db"))("template", "t.xlsx")
    assert result.exit_code == 0
    assert (tmp_path / "t.xlsx").stat().st_size > 0


def test_db_upgrade_and_current_report_the_revision(cli: Cli, tmp_path: Path) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    assert "up to date" in run("db", "upgrade").output
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert f"Schema revision: {head}" in run("db", "current").output


def test_an_invalid_setting_is_named(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "show"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"DEFAULT_LOCALE": "fr", "PATH": "", "PYTHONPATH": str(Path.cwd())},
    )
    assert done.returncode == 2
    assert "DEFAULT_LOCALE" in done.stderr


def test_run_without_a_token_starts_the_sandbox_and_says_why(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli.sandbox_command

    started: list[object] = []
    monkeypatch.setattr(
        bot.cli.sandbox_command, "start_sandbox", lambda *args: started.append(args)
    )
    result = cli(sqlite_url(tmp_path / "c.db"))("run")
    assert result.exit_code == 0
    assert "BOT_TOKEN is not set, so the bot runs in the local sandbox" in result.output
    assert len(started) == 1


def test_run_without_a_token_serves_the_sandbox_on_the_given_port(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli.sandbox_command

    started: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        bot.cli.sandbox_command, "start_sandbox", lambda *args: started.append(args[1:])
    )
    result = cli(sqlite_url(tmp_path / "c.db"))("run", "--port", "18680")
    assert result.exit_code == 0, result.output
    assert started == [("127.0.0.1", 18680)]


def test_run_without_a_port_uses_the_sandboxs_default(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli.sandbox_command

    started: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        bot.cli.sandbox_command, "start_sandbox", lambda *args: started.append(args[1:])
    )
    cli(sqlite_url(tmp_path / "c.db"))("run")
    assert started == [("127.0.0.1", bot.cli.sandbox_command.DEFAULT_PORT)]


def test_a_bad_rehearsal_clock_is_one_clear_line(cli: Cli, tmp_path: Path) -> None:
    result = cli(sqlite_url(tmp_path / "c.db"))("sandbox", "--clock", "tomorrow")
    assert result.exit_code == 1
    assert "'tomorrow' is not a date and time" in result.output


def test_a_broadcast_from_the_command_line_is_queued_and_listed(cli: Cli, tmp_path: Path) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    queued = run("broadcast", "--to", "leaders:12345", "--text", "<b>请到二楼候场</b>")
    assert queued.exit_code == 0, queued.output
    assert "#1 is queued for 0 of 20 people" in queued.output
    listed = run("broadcasts")
    assert "#1 leaders:12345" in listed.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--to", "nobody", "--text", "x"), "'nobody' is not an audience"),
        (("--to", "teams:H99", "--text", "x"), "Unknown team or track: H99"),
        (("--to", "everyone", "--text", "<div>x</div>"), "Telegram would refuse this text"),
        (("--to", "everyone", "--text", "x", "--at", "2001-01-01 08:00"), "is in the past"),
    ],
)
def test_a_bad_broadcast_is_refused_with_the_reason(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    run = cli(sqlite_url(tmp_path / "c.db"))
    run("demo", "load")
    result = run("broadcast", *args)
    assert result.exit_code == 1
    assert message in result.output
