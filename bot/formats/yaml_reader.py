"""Reads a contest from YAML: one mapping per sheet key, lists of rows keyed like headers."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.domain.problems import N_, Problem
from bot.formats.columns import CONTEST_FIELDS, SHEETS, SheetSpec
from bot.formats.document import RawDocument, RawRow
from bot.formats.headers import HeaderMap, find_sheet, fold_options, missing_sheet
from bot.yaml_loading import load_yaml


class UnreadableFileError(Exception):
    """The file is not a workbook or YAML document at all."""


def read_yaml(path: Path) -> RawDocument:
    try:
        loaded = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise UnreadableFileError(str(error)) from error
    if not isinstance(loaded, Mapping):
        raise UnreadableFileError("the document is not a mapping of sheets")
    return document_from_mapping(loaded)


def document_from_mapping(loaded: Mapping[Any, Any]) -> RawDocument:
    document = RawDocument()
    names = [str(key) for key in loaded]
    for spec in (CONTEST_FIELDS, *SHEETS):
        name = find_sheet(spec, names)
        if name is None:
            document.problems.append(missing_sheet(spec))
            continue
        section = loaded[name]
        rows = [section] if spec is CONTEST_FIELDS else section
        if not isinstance(rows, list):
            document.problems.append(Problem(N_("expected a list of rows"), {}, spec.sheet))
            continue
        document.sheets[spec.sheet] = _rows(spec, rows, document.problems)
    return document


def _rows(spec: SheetSpec, items: list[object], problems: list[Problem]) -> list[RawRow]:
    headers = HeaderMap(spec)
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            message = N_("expected a mapping of column: value")
            problems.append(Problem(message, {}, spec.sheet, number))
            continue
        problems.extend(headers.check(item.keys(), number, require_all=False))
        pairs = [(headers.key(header), value) for header, value in item.items()]
        rows.append(RawRow(number, fold_options([(k, v) for k, v in pairs if k is not None])))
    return rows
