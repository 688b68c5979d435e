"""Printable pages: a valid PDF, PNG files, QR codes that read back, Chinese that shows."""

import math
import re
from dataclasses import replace
from itertools import islice
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from bot.invites.cards import InviteCard
from bot.invites.layout import MARGIN, PAGE_SIZE, PER_PAGE, card_boxes
from bot.invites.output import png_paths, write_pdf, write_pngs
from bot.invites.pages import PAD, QR_SIZE, TEXT_LEFT, render_card, render_pages
from bot.invites.qr import qr_matrix
from bot.invites.typeface import BUNDLED, FontFile, Typeface, find_typeface
from tests.invites.conftest import read_qr_matrix

LATIN_ONLY = FontFile(Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
CARD = (card_boxes()[0].width, card_boxes()[0].height)


def darkest(image: Image.Image) -> int:
    low, _ = image.getextrema()
    assert isinstance(low, int)
    return low


@pytest.fixture(scope="module")
def typeface() -> Typeface:
    return Typeface((BUNDLED,))


def test_the_pdf_has_a_page_per_eight_people_and_is_a_pdf(
    demo_cards: list[InviteCard], typeface: Typeface, tmp_path: Path
) -> None:
    path = tmp_path / "cards.pdf"
    pages = write_pdf(render_pages(demo_cards, typeface), path)
    data = path.read_bytes()
    assert pages == math.ceil(172 / PER_PAGE) == 22
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 22
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.2\d* 841\.9\d*\s*\]", data)  # A4 in points


def test_png_pages_are_a4_at_300_dpi_named_after_the_file(
    demo_cards: list[InviteCard], typeface: Typeface, tmp_path: Path
) -> None:
    written = write_pngs(render_pages(demo_cards[:12], typeface), tmp_path / "cards.png")
    assert written == [tmp_path / "cards.png", tmp_path / "cards-2.png"]
    for path in written:
        with Image.open(path) as page:
            assert page.size == PAGE_SIZE
            assert round(page.info["dpi"][0]) == 300


def test_png_paths_number_the_pages_after_the_first() -> None:
    assert png_paths(Path("out/badges.png"), 1) == [Path("out/badges.png")]
    assert png_paths(Path("out/badges.PNG"), 3) == [
        Path("out/badges.PNG"),
        Path("out/badges-2.PNG"),
        Path("out/badges-3.PNG"),
    ]


def test_the_qr_codes_on_a_page_read_back_as_the_links(
    demo_cards: list[InviteCard], typeface: Typeface
) -> None:
    page = next(render_pages(demo_cards, typeface))
    for box, card in zip(card_boxes(), demo_cards, strict=False):
        left, top = box.left + PAD, box.top + PAD
        region = page.crop((left, top, left + QR_SIZE, top + QR_SIZE))
        assert read_qr_matrix(region) == qr_matrix(card.link), card.code


def test_the_page_outside_the_margins_stays_blank(
    demo_cards: list[InviteCard], typeface: Typeface
) -> None:
    page = next(render_pages(demo_cards, typeface))
    inner = (MARGIN, MARGIN, PAGE_SIZE[0] - MARGIN + 1, PAGE_SIZE[1] - MARGIN + 1)
    outside = page.copy()
    outside.paste(255, inner)
    assert outside.getextrema() == (255, 255)


def test_the_bundled_font_has_every_character_of_the_demo(
    demo_cards: list[InviteCard], typeface: Typeface
) -> None:
    text = "".join(c.name + c.role_label + c.team + c.invite_code for c in demo_cards)
    assert typeface.has_chinese
    assert typeface.missing(text) == ""
    assert typeface.missing("唐䶮然") == "䶮"  # an extension-A character is not in the subset


def test_chinese_names_really_render(demo_cards: list[InviteCard], typeface: Typeface) -> None:
    card = demo_cards[0]
    with_font = render_card(card, typeface, CARD)
    without = render_card(card, Typeface(()), CARD)
    name_area = (TEXT_LEFT, PAD, CARD[0] - PAD, PAD + 180)
    drawn = with_font.crop(name_area)
    assert darkest(drawn) < 64  # ink where the name is
    assert ImageChops.difference(drawn, without.crop(name_area)).getbbox() is not None
    # and each character is a real glyph, not the font's box for a missing one
    boxes = render_card(replace(card, name="\U0010fffd" * len(card.name)), typeface, CARD)
    assert ImageChops.difference(drawn, boxes.crop(name_area)).getbbox() is not None


def test_without_a_chinese_font_cards_still_carry_the_qr_and_both_codes(
    demo_cards: list[InviteCard],
) -> None:
    card = demo_cards[0]
    image = render_card(card, Typeface(()), CARD)
    qr = image.crop((PAD, PAD, PAD + QR_SIZE, PAD + QR_SIZE))
    assert read_qr_matrix(qr) == qr_matrix(card.link)
    assert darkest(image.crop((TEXT_LEFT, PAD, CARD[0], PAD + 180))) < 64  # person code
    assert darkest(image.crop((0, CARD[1] - 260, CARD[0], CARD[1]))) < 64  # invite code


def test_a_page_renders_without_any_chinese_font(demo_cards: list[InviteCard]) -> None:
    pages = list(islice(render_pages(demo_cards, Typeface(())), 1))
    assert pages[0].size == PAGE_SIZE


def test_find_typeface_starts_with_the_bundled_font_and_skips_what_cannot_draw_chinese(
    tmp_path: Path,
) -> None:
    assert BUNDLED.path.is_file()
    assert find_typeface().files[0] == BUNDLED
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font", encoding="utf-8")
    candidates = (FontFile(tmp_path / "absent.otf"), FontFile(not_a_font))
    assert not find_typeface(candidates).has_chinese
    assert find_typeface((*candidates, BUNDLED)).files == (BUNDLED,)


@pytest.mark.skipif(not LATIN_ONLY.path.is_file(), reason="DejaVu Sans is not installed")
def test_a_font_without_chinese_is_not_taken_for_one() -> None:
    assert not find_typeface((LATIN_ONLY,)).has_chinese
