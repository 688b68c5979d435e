"""Choosing the reader or writer by file suffix."""

from pathlib import Path
from typing import Any

from bot.formats.document import RawDocument
from bot.formats.xlsx_reader import read_workbook
from bot.formats.xlsx_writer import write_workbook
from bot.formats.yaml_reader import UnreadableFileError, read_yaml
from bot.formats.yaml_writer import write_yaml

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})


class UnsupportedFormatError(Exception):
    def __init__(self, suffix: str) -> None:
        super().__init__(suffix)
        self.suffix = suffix


def read_document(path: Path) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path)
    if suffix in YAML_SUFFIXES:
        return read_yaml(path)
    raise UnsupportedFormatError(path.suffix)


def write_document(document: dict[str, Any], path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        write_workbook(document, path)
    elif suffix in YAML_SUFFIXES:
        write_yaml(document, path)
    else:
        raise UnsupportedFormatError(path.suffix)


__all__ = ["UnreadableFileError", "UnsupportedFormatError", "read_document", "write_document"]
