"""The parts of an .xlsx package, read with the standard library's streaming XML parser.

Nothing is taken from what the file says about itself (`<dimension>`, declared counts): every
part is read as it is, within the unpacked-size budget of `WorkbookLimits`.
"""

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO
from xml.etree.ElementTree import Element, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

from bot.formats.limits import WorkbookLimits, file_too_large, too_many_cells
from bot.formats.yaml_reader import UnreadableFileError

OFFICE_DOCUMENT = "officeDocument"


def local(name: str) -> str:
    """A tag or attribute without its namespace (transitional and strict OOXML alike)."""
    return name.rpartition("}")[2]


def child_text(element: Element, tag: str) -> str | None:
    return next((child.text for child in element if local(child.tag) == tag), None)


def rich_text(element: Element) -> str:
    """The text of a shared or inline string: its runs, without phonetic hints."""
    parts = []
    for child in element:
        name = local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.append(child_text(child, "t") or "")
    return "".join(parts)


@dataclass(slots=True)
class Styles:
    dates: set[int] = field(default_factory=set)
    durations: set[int] = field(default_factory=set)


class Package:
    """An open workbook file; every part read counts against the unpacked-size limit."""

    def __init__(self, archive: zipfile.ZipFile, limits: WorkbookLimits) -> None:
        self.archive = archive
        self.limits = limits
        self.unpacked = 0
        self.sheets: dict[str, str] = {}  # sheet name → part name, in workbook order
        self.epoch: datetime = CALENDAR_WINDOWS_1900
        self.shared_strings: list[str] = []
        self.styles = Styles()

    def open(self, part: str) -> IO[bytes]:
        try:
            info = self.archive.getinfo(part)
        except KeyError as error:
            raise UnreadableFileError(f"the part {part} is missing") from error
        # The zip module stops at the declared size (a bad CRC after), so this bounds the work.
        self.unpacked += info.file_size
        if self.unpacked > self.limits.max_unpacked_bytes:
            raise file_too_large(
                self.unpacked, self.limits.max_unpacked_bytes, "IMPORT_MAX_UNPACKED_MB"
            )
        return self.archive.open(info)

    def elements(self, part: str, *tags: str) -> Iterator[Element]:
        """The complete elements named one of `tags`, each dropped from the tree once handed
        over, so memory stays flat however long the part is."""
        with self.open(part) as stream:
            parents: list[Element] = []
            for event, element in iterparse(stream, events=("start", "end")):
                if event == "start":
                    parents.append(element)
                    continue
                parents.pop()
                if local(element.tag) in tags:
                    yield element
                    if parents:
                        parents[-1].remove(element)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, part name) of a part's `_rels` file."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.archive.namelist():
            return {}
        found = {}
        for element in self.elements(rels, "Relationship"):
            target = element.get("Target", "")
            target = (
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
            kind = element.get("Type", "").rpartition("/")[2]
            found[element.get("Id", "")] = (kind, posixpath.normpath(target))
        return found


def open_package(archive: zipfile.ZipFile, limits: WorkbookLimits) -> Package:
    package = Package(archive, limits)
    roots = package.relationships("")
    workbook = next(
        (target for kind, target in roots.values() if kind == OFFICE_DOCUMENT), "xl/workbook.xml"
    )
    parts = package.relationships(workbook)
    ids: dict[str, str] = {}
    for element in package.elements(workbook, "workbookPr", "sheet"):
        if local(element.tag) == "workbookPr":
            if element.get("date1904", "").lower() in ("1", "true"):
                package.epoch = CALENDAR_MAC_1904
            continue
        key = next((value for name, value in element.items() if local(name) == "id"), "")
        ids[element.get("name", "")] = key
    for name, key in ids.items():
        if key in parts:
            package.sheets[name] = parts[key][1]
    for kind, target in parts.values():
        if kind == "sharedStrings":
            package.shared_strings = _shared_strings(package, target)
        elif kind == "styles":
            package.styles = _styles(package, target)
    return package


def _shared_strings(package: Package, part: str) -> list[str]:
    strings = []
    for element in package.elements(part, "si"):
        strings.append(rich_text(element))
        # More distinct strings than cells allowed: nothing could use them.
        if len(strings) > package.limits.max_cells:
            raise too_many_cells(None, None, package.limits.max_cells)
    return strings


def _styles(package: Package, part: str) -> Styles:
    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    styles = Styles()
    for element in package.elements(part, "numFmt", "cellXfs"):
        if local(element.tag) == "numFmt":
            formats[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
            continue
        for index, xf in enumerate(child for child in element if local(child.tag) == "xf"):
            code = formats.get(int(xf.get("numFmtId", "0")), "")
            if is_date_format(code):
                styles.dates.add(index)
            if is_timedelta_format(code):
                styles.durations.add(index)
    return styles
