"""Writes a contest document as YAML, Chinese kept readable."""

from pathlib import Path
from typing import Any

import yaml


def write_yaml(document: dict[str, Any], path: Path) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")
