"""A damaged sheet (bad XML, a malformed attribute) is unreadable, said in one line."""

import re
from pathlib import Path

import pytest

from bot.formats.files import UnreadableFileError, read_document
from tests.formats.parts import edit_sheet, replace_part, sheet_part, sheet_xml, with_shared_strings

# (what the People sheet's XML gets, replacing the first match of a regular expression)
DAMAGE = {
    "row number not a number": (r'<row r="2"', '<row r="two"'),
    "cell reference not a reference": (r'<c r="B2"', '<c r="!!"'),
    "style not a number": (r'<c r="E2" t="n"', '<c r="E2" t="n" s="x"'),
    "number not a number": (r"<v>1</v>", "<v>one</v>"),
    "unclosed element": (r"</row>", "</rpw>"),
    "attribute without quotes": (r'<c r="B2"', "<c r=B2"),
}


@pytest.mark.parametrize(("old", "new"), DAMAGE.values(), ids=DAMAGE.keys())
def test_a_malformed_sheet_is_unreadable_naming_the_sheet(
    demo_export: Path, tmp_path: Path, old: str, new: str
) -> None:
    path = edit_sheet(demo_export, tmp_path / "damaged.xlsx", "People", old, new)
    with pytest.raises(UnreadableFileError, match=r"^People: "):
        read_document(path)


def test_a_truncated_sheet_is_unreadable(demo_export: Path, tmp_path: Path) -> None:
    xml = sheet_xml(demo_export, "People")
    part = sheet_part(demo_export, "People")
    path = replace_part(demo_export, tmp_path / "cut.xlsx", part, [xml[: len(xml) // 2]])
    with pytest.raises(UnreadableFileError, match=r"^People: "):
        read_document(path)


def test_a_shared_string_that_does_not_exist_is_unreadable(
    demo_export: Path, tmp_path: Path
) -> None:
    saved = with_shared_strings(demo_export, tmp_path / "excel.xlsx")
    xml = sheet_xml(saved, "People")
    edited = re.sub(r'(t="s"[^>]*><v>)\d+', r"\g<1>999999", xml, count=1)
    path = replace_part(saved, tmp_path / "s.xlsx", sheet_part(saved, "People"), [edited])
    with pytest.raises(UnreadableFileError, match="no shared string 999999"):
        read_document(path)


def test_a_damaged_workbook_part_is_unreadable(demo_export: Path, tmp_path: Path) -> None:
    path = replace_part(demo_export, tmp_path / "w.xlsx", "xl/workbook.xml", ["<workbook"])
    with pytest.raises(UnreadableFileError):
        read_document(path)
