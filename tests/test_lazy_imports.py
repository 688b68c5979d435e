"""Heavy libraries load on first use: importing the bot or the command line does not load them.

Each check runs in a fresh interpreter, so nothing an earlier test imported can hide an import."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("jieba", "PIL", "openpyxl", "fsrs", "opencc", "reportlab", "qrcode")


def loaded_after_importing(module: str) -> set[str]:
    script = (
        f"import json, sys; import {module}; "
        f"print(json.dumps(sorted({{m.partition('.')[0] for m in sys.modules}})))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(ran.stdout))


@pytest.mark.parametrize("module", ["bot.app", "bot.cli", "bot.cli.app"])
def test_importing_the_bot_loads_no_heavy_library(module: str) -> None:
    assert loaded_after_importing(module) & set(HEAVY) == set()
