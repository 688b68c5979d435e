"""Heavy libraries load on first use: importing the bot or the command line does not load them.

Each check runs in a fresh interpreter, so nothing an earlier test imported can hide an import."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("jieba", "PIL", "openpyxl", "fsrs", "opencc", "reportlab", "qrcode")


def modules_after_importing(module: str) -> set[str]:
    script = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    ran = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(ran.stdout))


def loaded_after_importing(module: str) -> set[str]:
    """The top-level packages loaded."""
    return {name.partition(".")[0] for name in modules_after_importing(module)}


@pytest.mark.parametrize("module", ["bot.app", "bot.cli", "bot.cli.app"])
def test_importing_the_bot_loads_no_heavy_library(module: str) -> None:
    assert loaded_after_importing(module) & set(HEAVY) == set()


@pytest.mark.parametrize("module", ["bot.app", "bot.run_modes"])
def test_redis_loads_only_when_redis_is_configured(module: str) -> None:
    assert "redis" not in loaded_after_importing(module)


def test_babel_is_not_loaded_to_write_a_day() -> None:
    writing = (
        "from datetime import date; from zoneinfo import ZoneInfo; "
        "from bot.domain.enums import Locale; from bot.texts.texts import Texts; "
        "Texts(Locale.ZH_HANS, ZoneInfo('Asia/Shanghai')).day(date(2024, 9, 26))"
    )
    assert "babel" not in loaded_after_importing(f"bot.app; {writing}")


def test_a_bot_on_sqlite_does_not_load_the_postgresql_dialect() -> None:
    inserting = (
        "from storage.inserts import dialect_insert; "
        "from storage.models import HandledUpdateRow; "
        "dialect_insert('sqlite')(HandledUpdateRow).on_conflict_do_nothing()"
    )
    loaded = modules_after_importing(f"bot.app; {inserting}")
    assert "sqlalchemy.dialects.sqlite" in loaded
    assert "sqlalchemy.dialects.postgresql" not in loaded
