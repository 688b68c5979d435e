"""The audit trail as a workbook for the notary: one row per entry, hashes included, and a
second sheet with the trail's head (the hash to write down and check later trails against)."""

import json
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font

from bot.domain.audit import AuditEntry, Values

HEADERS = (
    "序号 sequence", "时间 time", "操作人 actor", "操作 action", "对象 subject", "修改前 before",
    "修改后 after", "原因 reason", "前一条哈希 previous hash", "哈希 hash",
)  # fmt: skip
WIDTHS = (8, 20, 12, 20, 32, 30, 30, 20, 66, 66)


def write_audit(entries: Sequence[AuditEntry], path: Path, zone: ZoneInfo) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Audit"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append((
            entry.sequence,
            entry.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            entry.actor,
            entry.action.value,
            entry.subject,
            _values(entry.before),
            _values(entry.after),
            entry.reason,
            entry.previous_hash,
            entry.hash,
        ))  # fmt: skip
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    _anchor_sheet(workbook, entries)
    workbook.save(path)


def _anchor_sheet(workbook: Workbook, entries: Sequence[AuditEntry]) -> None:
    anchor = workbook.create_sheet("Anchor")
    head = entries[-1] if entries else None
    anchor.append(("条目数 entries", len(entries)))
    anchor.append(("最新序号 head sequence", head.sequence if head else None))
    anchor.append(("最新哈希 head hash", head.hash if head else None))
    anchor.append(
        ("核对 check", f"contest-bot audit verify --expect {head.hash}" if head else None)
    )
    for row in anchor.iter_rows(max_col=1):
        row[0].font = Font(bold=True)
    anchor.column_dimensions["A"].width = 24
    anchor.column_dimensions["B"].width = 100


def _values(values: Values) -> str:
    return "" if values is None else json.dumps(dict(values), ensure_ascii=False, sort_keys=True)
