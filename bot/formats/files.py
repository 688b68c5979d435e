"""Choosing the reader or writer by file suffix."""

from pathlib import Path
from typing import Any

from bot.formats.document import RawDocument
from bot.formats.limits import WorkbookLimits, file_too_large
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


def read_document(path: Path, limits: WorkbookLimits | None = None) -> RawDocument:
    """The file's rows; a file over the limits is a document holding that one problem."""
    limits = limits or WorkbookLimits()
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES | YAML_SUFFIXES:
        raise UnsupportedFormatError(path.suffix)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableFileError(str(error)) from error
    if size > limits.max_file_bytes:
        too_large = file_too_large(size, limits.max_file_bytes, "IMPORT_MAX_FILE_MB")
        return RawDocument(problems=[too_large.problem], refused=True)
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path, limits)
    return read_yaml(path)


def write_document(document: dict[str, Any], path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        write_workbook(document, path)
    elif suffix in YAML_SUFFIXES:
        write_yaml(document, path)
    else:
        raise UnsupportedFormatError(path.suffix)


__all__ = ["UnreadableFileError", "UnsupportedFormatError", "read_document", "write_document"]
