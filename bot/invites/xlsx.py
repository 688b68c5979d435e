"""The invite list as a workbook: one row per person, a clickable link and its QR code."""

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from bot.invites.cards import InviteCard
from bot.invites.qr import qr_image

# Part of the file, like the contest workbook's headers (bot/formats/columns.py).
TITLE = "邀请"
HEADERS = ("编号", "姓名", "角色", "参赛队", "邀请码", "链接", "二维码")
WIDTHS = (12, 14, 10, 30, 14, 56, 24)
QR_COLUMN = HEADERS.index("二维码") + 1
LINK_COLUMN = HEADERS.index("链接") + 1
QR_PIXELS = 160  # shown 160 px square, about 4 cm printed: scans from arm's length
QR_SOURCE_PIXELS = 3 * QR_PIXELS  # drawn finer, so that it prints sharp
ROW_HEIGHT = QR_PIXELS * 0.75 + 8  # points; an image pixel is 0.75 pt


def write_invite_workbook(cards: Sequence[InviteCard], path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = TITLE
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    middle = Alignment(vertical="center", wrap_text=True)
    for row, card in enumerate(cards, start=2):
        values = (card.code, card.name, card.role_label, card.team, card.invite_code, card.link)
        sheet.append(list(values))
        for cell in sheet[row]:
            cell.alignment = middle
        link = sheet.cell(row=row, column=LINK_COLUMN)
        link.hyperlink = card.link
        link.style = "Hyperlink"
        link.alignment = middle
        sheet.row_dimensions[row].height = ROW_HEIGHT
        sheet.add_image(_qr(card.link), f"{get_column_letter(QR_COLUMN)}{row}")
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    workbook.save(path)


def _qr(link: str) -> SheetImage:
    data = BytesIO()
    qr_image(link, QR_SOURCE_PIXELS).save(data, "PNG")
    data.seek(0)
    image = SheetImage(data)
    image.width = image.height = QR_PIXELS
    return image
