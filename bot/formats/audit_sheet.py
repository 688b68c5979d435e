"""The audit trail as a workbook for the notary: one row per entry, hashes included."""

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
    workbook.save(path)


def _values(values: Values) -> str:
    return "" if values is None else json.dumps(dict(values), ensure_ascii=False, sort_keys=True)
