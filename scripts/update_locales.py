"""Extracts message ids from the code and merges them into both catalogs, then compiles.

Run after adding or changing messages: `python scripts/update_locales.py`. New ids appear
in bot/locales/zh_Hans/LC_MESSAGES/messages.po with an empty translation, to be filled in;
tests/test_locales.py fails while any is empty or a compiled catalog is stale.
Messages whose wording depends on a number are marked `N_plural("{count} day", "{count} days")`
and have one translation per plural form of the language (Chinese has one).
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "bot" / "locales"
TEMPLATE = LOCALES / "messages.pot"
# The markers (bot.domain.problems): N_("text") and N_plural("singular", "plural").
KEYWORDS = ("-k", "N_", "-k", "N_plural:1,2")


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def main() -> None:
    pybabel(
        "extract", *KEYWORDS, "--no-default-keywords", "--no-location", "--sort-output",
        "--project", "contest-assistant", "-o", str(TEMPLATE), "bot", "handlers",
    )  # fmt: skip
    for locale in ("en", "zh_Hans"):
        po = LOCALES / locale / "LC_MESSAGES" / "messages.po"
        if po.exists():
            pybabel("update", "--no-fuzzy-matching", "--ignore-obsolete", "-i", str(TEMPLATE),
                    "-d", str(LOCALES), "-l", locale)  # fmt: skip
        else:
            pybabel("init", "-i", str(TEMPLATE), "-d", str(LOCALES), "-l", locale)
    pybabel("compile", "--use-fuzzy", "-d", str(LOCALES), "--statistics")


if __name__ == "__main__":
    main()
