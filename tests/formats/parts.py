"""Workbooks broken below what openpyxl lets a test write: one XML part replaced in the zip.

The workbook bomb is made here too, at test time: the demo workbook whose People sheet claims
two rows in `<dimension>` and holds 700,000, about 5 MB on disk.
"""

import random
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from bot.formats.limits import WorkbookLimits
from bot.formats.xlsx_package import open_package

BOMB_ROWS = 700_000
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def sheet_part(workbook: Path, sheet: str) -> str:
    """The zip member holding a sheet, found the way the reader finds it."""
    with zipfile.ZipFile(workbook) as archive:
        return open_package(archive, WorkbookLimits()).sheets[sheet]


def sheet_xml(workbook: Path, sheet: str) -> str:
    with zipfile.ZipFile(workbook) as archive:
        return archive.read(sheet_part(workbook, sheet)).decode()


def replace_part(source: Path, target: Path, part: str, content: Iterable[str]) -> Path:
    """A copy of `source` with `part` written from `content`, streamed chunk by chunk."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename == part:
                with copy.open(zipfile.ZipInfo(part), "w") as stream:
                    for chunk in content:
                        stream.write(chunk.encode())
            else:
                copy.writestr(info, original.read(info), zipfile.ZIP_DEFLATED)
    return target


def edit_sheet(source: Path, target: Path, sheet: str, old: str, new: str) -> Path:
    """The workbook with the first match of the regular expression `old` in a sheet replaced."""
    xml = sheet_xml(source, sheet)
    edited, count = re.subn(old, new, xml, count=1)
    assert count == 1, f"{old!r} is not in {sheet}"
    return replace_part(source, target, sheet_part(source, sheet), [edited])


def write_bomb(source: Path, target: Path, rows: int = BOMB_ROWS) -> Path:
    part = sheet_part(source, "People")
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename != part:
                copy.writestr(info, original.read(info), zipfile.ZIP_DEFLATED)
        member = zipfile.ZipInfo(part)
        member.compress_type = zipfile.ZIP_DEFLATED
        with copy.open(member, "w") as stream:
            for chunk in _bomb_sheet(rows):
                stream.write(chunk.encode())
    return target


def _bomb_sheet(rows: int) -> Iterator[str]:
    numbers = random.Random(15)
    yield SHEET_START + '<dimension ref="A1:B2"/><sheetData>'
    yield '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row>'
    batch = []
    for number in range(2, rows + 2):
        batch.append(
            f'<row r="{number}"><c r="A{number}"><v>{numbers.getrandbits(12)}</v></c></row>'
        )
        if len(batch) == 10_000:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "</sheetData></worksheet>"


INLINE_CELL = re.compile(
    r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"([^>]*)><is><t([^>]*)>(.*?)</t></is>', re.DOTALL
)
SHARED_STRINGS_TYPE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)


def with_shared_strings(source: Path, target: Path) -> Path:
    """The workbook as Excel saves it: text in one shared strings table, cells holding indexes
    (openpyxl writes every text inline)."""
    strings: dict[str, int] = {}

    def shared(match: re.Match[str]) -> str:
        reference, before, after, text_attributes, text = match.groups()
        index = strings.setdefault(f"<t{text_attributes}>{text}</t>", len(strings))
        return f'<c r="{reference}"{before} t="s"{after}><v>{index}</v>'

    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            content = original.read(info).decode()
            if info.filename.startswith("xl/worksheets/"):
                content = INLINE_CELL.sub(shared, content)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                relationship = (
                    f'<Relationship Id="rIdShared" Type="{SHARED_STRINGS_TYPE}" '
                    'Target="sharedStrings.xml"/>'
                )
                content = content.replace("</Relationships>", relationship + "</Relationships>")
            elif info.filename == "[Content_Types].xml":
                override = (
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                )
                content = content.replace("</Types>", override + "</Types>")
            copy.writestr(info, content, zipfile.ZIP_DEFLATED)
        table = "".join(f"<si>{text}</si>" for text in strings)
        copy.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{table}</sst>',
            zipfile.ZIP_DEFLATED,
        )
    return target
