"""The workbook: one row per person, a clickable link, and a QR code that reads back as the link."""

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image

from bot.invites.cards import InviteCard
from bot.invites.qr import qr_matrix
from bot.invites.xlsx import HEADERS, QR_PIXELS, write_invite_workbook
from tests.invites.conftest import read_qr_matrix

EMU_PER_PIXEL = 9525  # drawing sizes are in English Metric Units


@pytest.fixture(scope="module")
def sheet(demo_cards: list[InviteCard], tmp_path_factory: pytest.TempPathFactory) -> Worksheet:
    path = tmp_path_factory.mktemp("xlsx") / "invites.xlsx"
    write_invite_workbook(demo_cards, path)
    worksheet = load_workbook(path).active
    assert isinstance(worksheet, Worksheet)
    return worksheet


def test_one_row_per_person_in_card_order(sheet: Worksheet, demo_cards: list[InviteCard]) -> None:
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS == ("编号", "姓名", "角色", "参赛队", "邀请码", "链接", "二维码")
    assert len(rows) == 1 + len(demo_cards) == 173
    for row, card in zip(rows[1:], demo_cards, strict=True):
        expected = (card.code, card.name, card.role_label, card.team or None, card.invite_code)
        assert row[:6] == (*expected, card.link)


def test_every_link_is_a_hyperlink(sheet: Worksheet, demo_cards: list[InviteCard]) -> None:
    for row, card in enumerate(demo_cards, start=2):
        cell = sheet.cell(row=row, column=6)
        assert cell.hyperlink is not None
        assert cell.hyperlink.target == card.link


def test_every_row_has_one_qr_image_tall_enough_to_scan(
    sheet: Worksheet, demo_cards: list[InviteCard]
) -> None:
    images = sheet._images  # type: ignore[attr-defined]  # openpyxl keeps the pictures here
    rows = sorted(image.anchor._from.row for image in images)
    assert rows == list(range(1, len(demo_cards) + 1))  # zero-based: row 2 onwards
    assert {image.anchor._from.col for image in images} == {6}  # column G
    for image in images:
        shown = (image.anchor.ext.width, image.anchor.ext.height)  # in EMU
        assert shown == (QR_PIXELS * EMU_PER_PIXEL, QR_PIXELS * EMU_PER_PIXEL)  # about 4 cm
        assert image.width >= 3 * QR_PIXELS * 0.8  # drawn finer than shown, to print sharp
        height = sheet.row_dimensions[image.anchor._from.row + 1].height
        assert height is not None
        assert height >= QR_PIXELS * 0.75


def test_each_qr_reads_back_as_the_link_of_its_row(
    sheet: Worksheet, demo_cards: list[InviteCard]
) -> None:
    for image in sheet._images:  # type: ignore[attr-defined]
        card = demo_cards[image.anchor._from.row - 1]
        picture = Image.open(BytesIO(image._data()))
        assert read_qr_matrix(picture) == qr_matrix(card.link), card.code


def test_the_qr_matrix_is_segnos_encoding_of_the_link(demo_cards: list[InviteCard]) -> None:
    import segno

    link = demo_cards[0].link
    assert qr_matrix(link) == tuple(
        tuple(bool(m) for m in row) for row in segno.make(link, error="m", micro=False).matrix
    )
    assert qr_matrix(link) != qr_matrix(demo_cards[1].link)


def test_an_empty_list_still_writes_the_headers(tmp_path: Path) -> None:
    write_invite_workbook([], tmp_path / "empty.xlsx")
    worksheet = load_workbook(tmp_path / "empty.xlsx").active
    assert worksheet is not None
    assert worksheet.max_row == 1
