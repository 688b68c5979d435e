"""Printable pages of invite cards: QR code, name, role, team and the code to type by hand."""

from collections.abc import Iterator, Sequence

from PIL import Image, ImageDraw

from bot.invites.cards import InviteCard
from bot.invites.layout import PAGE_SIZE, Measure, card_boxes, fit_size, paginate, wrap
from bot.invites.qr import qr_image
from bot.invites.typeface import Typeface

WHITE, BLACK, GREY, CUT_LINE = 255, 0, 80, 96
PAD = 44
QR_SIZE = 470
TEXT_LEFT = PAD + QR_SIZE + 40
# Printed on every card, like the workbook's headers: the badges are for a Chinese contest.
CODE_CAPTION = "邀请码"


def render_pages(cards: Sequence[InviteCard], typeface: Typeface) -> Iterator[Image.Image]:
    """One greyscale A4 page (mode 'L', 300 dpi) per eight cards."""
    boxes = card_boxes()
    for chunk in paginate(cards):
        page = Image.new("L", PAGE_SIZE, WHITE)
        draw = ImageDraw.Draw(page)
        for box, card in zip(boxes, chunk, strict=False):
            page.paste(render_card(card, typeface, (box.width, box.height)), (box.left, box.top))
            draw.rectangle((box.left, box.top, box.right, box.bottom), outline=CUT_LINE, width=2)
        yield page


def render_card(card: InviteCard, typeface: Typeface, size: tuple[int, int]) -> Image.Image:
    image = Image.new("L", size, WHITE)
    qr = qr_image(card.link, QR_SIZE).convert("L")
    offset = (QR_SIZE - qr.width) // 2
    image.paste(qr, (PAD + offset, PAD + offset))
    draw = ImageDraw.Draw(image)
    width = size[0] - TEXT_LEFT - PAD
    if typeface.has_chinese:
        _details(draw, card, typeface, width)
    else:  # no font for the name: the person's code stands in for it
        code_size = fit_size(card.code, width, 140, 48, _measure(typeface))
        _text(draw, (TEXT_LEFT, PAD), card.code, code_size, typeface)
    _code_line(draw, card, typeface, size)
    return image


def _code_line(
    draw: ImageDraw.ImageDraw, card: InviteCard, typeface: Typeface, size: tuple[int, int]
) -> None:
    """The invite code as large as fits, with the person's code on its baseline at the right."""
    width, height = size
    baseline = height - PAD - 24
    room = width - 2 * PAD
    if typeface.has_chinese:  # otherwise the person's code is already at the top, large
        person = typeface.font(44, card.code)
        draw.text((width - PAD, baseline), card.code, font=person, fill=GREY, anchor="rs")
        room -= int(person.getlength(card.code)) + 40
    code_size = fit_size(card.invite_code, room, 150, 48, _measure(typeface))
    code = typeface.font(code_size, card.invite_code)
    draw.text((PAD, baseline), card.invite_code, font=code, fill=BLACK, anchor="ls")
    if typeface.has_chinese:
        cap_top = int(code.getbbox(card.invite_code, anchor="ls")[1])
        caption = typeface.font(40, CODE_CAPTION)
        draw.text(
            (PAD, baseline + cap_top - 28), CODE_CAPTION, font=caption, fill=GREY, anchor="ls"
        )


def _details(draw: ImageDraw.ImageDraw, card: InviteCard, typeface: Typeface, width: int) -> None:
    """Name, role and team beside the QR code; long ones shrink, then wrap."""
    measure = _measure(typeface)
    name_size = fit_size(card.name, width, 140, 72, measure)
    names = wrap(card.name, width, name_size, measure, max_lines=2)
    top = PAD
    for line in names:
        _text(draw, (TEXT_LEFT, top), line, name_size, typeface)
        top += name_size * 5 // 4
    top += 24
    _text(draw, (TEXT_LEFT, top), card.role_label, 60, typeface, GREY)
    top += 100
    for line in wrap(card.team, width, 48, measure, max_lines=4 - len(names)):
        _text(draw, (TEXT_LEFT, top), line, 48, typeface)
        top += 64


def _text(
    draw: ImageDraw.ImageDraw,
    at: tuple[int, int],
    text: str,
    size: int,
    typeface: Typeface,
    fill: int = BLACK,
) -> None:
    draw.text(at, text, font=typeface.font(size, text), fill=fill)


def _measure(typeface: Typeface) -> Measure:
    def measure(text: str, size: int) -> float:
        return float(typeface.font(size, text).getlength(text))

    return measure
