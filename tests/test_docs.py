"""The documentation stays true: the format page names every column, and its example imports."""

import re
from pathlib import Path

from bot.domain.validation import validate
from bot.formats.columns import CONTEST_FIELDS, SHEETS
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.yaml_loading import load_yaml

ROOT = Path(__file__).resolve().parents[1]
FORMAT = (ROOT / "docs" / "import-format.md").read_text(encoding="utf-8")


def test_the_format_page_names_every_column_in_both_languages() -> None:
    missing = [
        f"{spec.sheet}.{column.key}"
        for spec in (CONTEST_FIELDS, *SHEETS)
        for column in spec.columns
        if (f"`{column.key}`" not in FORMAT and column.key != "options")
        or column.header not in FORMAT
    ]
    assert missing == []


def test_the_yaml_example_of_the_format_page_imports_cleanly() -> None:
    match = re.search(r"```yaml\n(.*?)```", FORMAT, re.DOTALL)
    assert match is not None
    draft, problems = parse_document(document_from_mapping(load_yaml(match.group(1))))
    assert problems == []
    assert validate(draft) == []
    assert draft.questions[0].item.blanks == (("2020年1月1日", "2020-01-01"),)


def test_the_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in readme.splitlines() if "pytest" in line)
    assert test_command.strip() in ci
