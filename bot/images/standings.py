"""A track's standings as a picture for phones: one team per row, large type, Chinese glyphs
from the font that ships with the package. A row without a rank is unscored: its rank cell
stays empty and its total says so."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageDraw

    from bot.invites.typeface import Typeface

WIDTH = 1080  # a phone screen's width in pixels: nothing is scaled down
MARGIN = 40
ROW = 64
TITLE = 150
SUBTITLE_AT = 100
TEXT, TITLE_SIZE, SUBTITLE_SIZE = 32, 44, 28
Colour = tuple[int, int, int]
INK, MUTED, STRIPE, ACCENT = (30, 30, 30), (110, 110, 110), (242, 245, 250), (196, 30, 58)
# Where each column starts, as a share of the width inside the margins.
COLUMNS = (0.0, 0.10, 0.60, 0.74, 0.87)


@dataclass(frozen=True, slots=True)
class Line:
    rank: int | None  # None: not scored
    team: str
    showcase: Decimal | None
    arena: Decimal | None
    total: Decimal


@lru_cache(maxsize=1)
def typeface() -> "Typeface":
    # Pillow (behind the typeface) loads with the first picture, not with the bot.
    from bot.invites.typeface import find_typeface

    return find_typeface()


def standings_png(
    title: str,
    headers: Sequence[str],
    lines: Sequence[Line],
    subtitle: str = "",
    unscored: str = "",
) -> bytes:
    """The picture as PNG bytes: a title and subtitle, a header row, then the teams by rank;
    `unscored` stands in the total of a row without a rank."""
    from PIL import Image, ImageDraw

    height = TITLE + ROW * (len(lines) + 1) + MARGIN
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    face = typeface()
    draw.text((MARGIN, MARGIN), title, fill=ACCENT, font=face.font(TITLE_SIZE, title))
    if subtitle:
        font = face.font(SUBTITLE_SIZE, subtitle)
        draw.text((MARGIN, SUBTITLE_AT), subtitle, fill=MUTED, font=font)
    _row(draw, face, TITLE, [*headers], MUTED)
    for index, line in enumerate(lines):
        top = TITLE + ROW * (index + 1)
        if index % 2 == 0:
            draw.rectangle((MARGIN // 2, top, WIDTH - MARGIN // 2, top + ROW), fill=STRIPE)
        ranked = line.rank is not None
        total = _score(line.total) if ranked else unscored
        cells = [str(line.rank) if ranked else "", line.team, _part(line.showcase),
                 _part(line.arena), total]  # fmt: skip
        _row(draw, face, top, cells, INK if ranked else MUTED)
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _row(
    draw: "ImageDraw.ImageDraw", face: "Typeface", top: int, cells: list[str], fill: Colour
) -> None:
    inner = WIDTH - 2 * MARGIN
    for share, cell in zip(COLUMNS, cells, strict=True):
        origin = (MARGIN + share * inner, top + (ROW - TEXT) // 2)
        draw.text(origin, cell, fill=fill, font=face.font(TEXT, cell))


def _score(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _part(value: Decimal | None) -> str:
    """A part of the total: blank while it is not in (a rank never stands next to a dash)."""
    return "" if value is None else f"{value:.2f}"
