"""`contest-bot invites` as organizers use it: files written, clear errors, font warnings."""

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from aiogram.methods import GetMe
from openpyxl import load_workbook

import bot.cli.invites_command
import bot.invites.typeface
from bot.invites.typeface import BUNDLED, Typeface
from tests.cli.conftest import Invoke
from tests.fakes.telegram import BOT_USER, RecordingSession

Cli = Callable[[str], Invoke]


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
def demo(cli: Cli, tmp_path: Path) -> Invoke:
    run = cli(sqlite_url(tmp_path / "c.db"))
    assert run("demo", "load").exit_code == 0
    return run


def test_a_workbook_of_everyone(demo: Invoke, tmp_path: Path) -> None:
    result = demo("invites", "invites.xlsx", "--bot-username", "@contest_demo_bot")
    assert result.exit_code == 0, result.output
    assert "Wrote the invites of 172 people to invites.xlsx." in result.output
    sheet = load_workbook(tmp_path / "invites.xlsx").active
    assert sheet is not None
    assert sheet.max_row == 173
    link = sheet.cell(row=2, column=6).value
    assert isinstance(link, str)
    assert link.startswith("https://t.me/contest_demo_bot?start=")


def test_a_pdf_with_the_username_from_the_environment(
    demo: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_USERNAME", "contest_demo_bot")
    result = demo("invites", "cards.pdf")
    assert result.exit_code == 0, result.output
    assert "Wrote invite cards for 172 people on 22 pages to cards.pdf." in result.output
    assert "Warning" not in result.output
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")


def test_png_pages_in_chinese(demo: Invoke, tmp_path: Path) -> None:
    result = demo("invites", "cards.png", "--bot-username", "contest_demo_bot", locale="zh-Hans")
    assert result.exit_code == 0, result.output
    assert sorted(tmp_path.glob("cards*.png")) == sorted(
        [tmp_path / "cards.png", *(tmp_path / f"cards-{n}.png" for n in range(2, 23))]
    )


def test_the_option_wins_over_the_environment(
    demo: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_USERNAME", "other_bot")
    assert demo("invites", "i.xlsx", "--bot-username", "contest_demo_bot").exit_code == 0
    sheet = load_workbook(tmp_path / "i.xlsx").active
    assert sheet is not None
    assert str(sheet.cell(row=2, column=6).value).startswith("https://t.me/contest_demo_bot?")


TOKEN = "123456:TEST-token"


@pytest.fixture
def telegram(monkeypatch: pytest.MonkeyPatch) -> RecordingSession:
    """BOT_TOKEN is set and getMe goes to a fake Telegram whose bot is @contest_bot."""
    session = RecordingSession()
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setattr(bot.cli.invites_command, "telegram_session", lambda: session)
    return session


def first_link(path: Path) -> str:
    sheet = load_workbook(path).active
    assert sheet is not None
    return str(sheet.cell(row=2, column=6).value)


def test_with_a_token_the_username_comes_from_telegram(
    demo: Invoke, tmp_path: Path, telegram: RecordingSession
) -> None:
    result = demo("invites", "i.xlsx")
    assert result.exit_code == 0, result.output
    assert first_link(tmp_path / "i.xlsx").startswith(f"https://t.me/{BOT_USER.username}?start=")
    assert [type(call) for call in telegram.calls] == [GetMe]


def test_telegrams_answer_wins_over_the_environment(
    demo: Invoke, tmp_path: Path, telegram: RecordingSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_USERNAME", "stale_name_bot")
    assert demo("invites", "i.xlsx").exit_code == 0
    assert first_link(tmp_path / "i.xlsx").startswith(f"https://t.me/{BOT_USER.username}?")


def test_the_option_is_used_without_asking_telegram(
    demo: Invoke, tmp_path: Path, telegram: RecordingSession
) -> None:
    assert demo("invites", "i.xlsx", "--bot-username", "contest_demo_bot").exit_code == 0
    assert first_link(tmp_path / "i.xlsx").startswith("https://t.me/contest_demo_bot?")
    assert telegram.calls == []


def test_when_telegram_refuses_the_environment_is_used_with_a_warning(
    demo: Invoke, tmp_path: Path, telegram: RecordingSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    telegram.refuse(GetMe, "Unauthorized")
    monkeypatch.setenv("BOT_USERNAME", "contest_demo_bot")
    result = demo("invites", "i.xlsx")
    assert result.exit_code == 0, result.output
    assert "Could not ask Telegram for the bot's username" in result.output
    assert first_link(tmp_path / "i.xlsx").startswith("https://t.me/contest_demo_bot?")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("invites", "cards.pdf"), "pass --bot-username NAME or set BOT_USERNAME"),
        (("invites", "cards.pdf", "--bot-username", "my bot"), "'my bot' is not a Telegram"),
        (("invites", "cards.csv", "--bot-username", "a_bot"), "Unsupported file type '.csv'"),
        (("invites", "cards", "--bot-username", "a_bot"), "Unsupported file type ''"),
        (("invites", "no/such/dir/c.xlsx", "--bot-username", "a_bot"), "Cannot write"),
        (("invites", "no/such/dir/c.pdf", "--bot-username", "a_bot"), "Cannot write"),
    ],
)
def test_a_mistake_is_one_clear_line_and_exit_code_1(
    demo: Invoke, args: tuple[str, ...], message: str
) -> None:
    result = demo(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_no_contest_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    result = cli(sqlite_url(tmp_path / "c.db"))("invites", "c.pdf", "--bot-username", "a_bot")
    assert result.exit_code == 1
    assert "There is no contest to make invites for yet; import one first." in result.output
    assert not (tmp_path / "c.pdf").exists()


def test_without_a_chinese_font_it_warns_and_still_writes_the_cards(
    demo: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.invites.typeface, "find_typeface", lambda: Typeface(()))
    result = demo("invites", "cards.pdf", "--bot-username", "contest_demo_bot")
    assert result.exit_code == 0, result.output
    assert "Warning: no Chinese font was found" in result.output
    assert "fonts-noto-cjk" in result.output
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")


def test_characters_no_font_has_are_named_with_the_people(
    demo: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "contest.yaml"
    assert demo("export", str(exported)).exit_code == 0
    text = exported.read_text(encoding="utf-8")
    exported.write_text(text.replace("唐玉然", "唐䶮然", 1), encoding="utf-8")
    assert demo("import", str(exported)).exit_code == 0
    monkeypatch.setattr(bot.invites.typeface, "find_typeface", lambda: Typeface((BUNDLED,)))
    result = demo("invites", "cards.pdf", "--bot-username", "contest_demo_bot")
    assert result.exit_code == 0, result.output
    assert "Warning: no font here can draw 䶮; they print as boxes on the cards of H01-1." in (
        result.output
    )


def test_the_command_module_loads_no_heavy_library() -> None:
    probe = (
        "import sys\n"
        "import bot.cli.invites_command\n"
        "heavy = {'PIL', 'segno', 'openpyxl', 'sqlalchemy', 'aiogram'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
