"""Fonts that can draw Chinese: the one shipped with the package, then the usual system ones.

A text is set in the first font that has every one of its characters; whether a font has a
character is seen by drawing it, since a missing one comes out as the font's .notdef box.
"""

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

AnyFont = ImageFont.FreeTypeFont | ImageFont.ImageFont

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
PROBE_SIZE = 48
NO_SUCH_CHARACTER = "\U0010fffd"  # private use: no font maps it, so it draws .notdef
CHINESE_PROBE = "中"


@dataclass(frozen=True, slots=True)
class FontFile:
    path: Path
    index: int = 0  # the face inside a .ttc collection


# A subset of Noto Sans CJK SC (SIL OFL 1.1): every basic-block hanzi; see fonts/README.md.
BUNDLED = FontFile(FONTS_DIR / "ContestSansSC-Regular.otf")
# Full fonts that may be installed, for the rare characters outside the bundled subset.
SYSTEM = (
    FontFile(Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2),  # SC face
    FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
    FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
    FontFile(Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")),
    FontFile(Path("/System/Library/Fonts/PingFang.ttc")),
    FontFile(Path("/System/Library/Fonts/STHeiti Medium.ttc")),
    FontFile(Path("C:/Windows/Fonts/msyh.ttc")),
    FontFile(Path("C:/Windows/Fonts/simhei.ttf")),
)


class Typeface:
    """Chinese-capable font files in order of preference; with none, Pillow's Latin font."""

    def __init__(self, files: tuple[FontFile, ...]) -> None:
        self.files = files
        self._fonts: dict[tuple[FontFile, int], ImageFont.FreeTypeFont] = {}
        self._glyphs: dict[tuple[FontFile, str], bool] = {}
        self._notdef: dict[FontFile, tuple[tuple[int, ...], bytes]] = {}

    @property
    def has_chinese(self) -> bool:
        return bool(self.files)

    def font(self, size: int, text: str = "") -> AnyFont:
        """The font to set `text` in: the first file that has all of it, else the first file."""
        if not self.files:
            return ImageFont.load_default(size)
        chosen = next((f for f in self.files if self._covers(f, text)), self.files[0])
        return self._font(chosen, size)

    def missing(self, text: str) -> str:
        """The characters of `text` that no file can draw, each once, in order."""
        absent = (c for c in text if not any(self._has(f, c) for f in self.files))
        return "".join(dict.fromkeys(absent))

    def _covers(self, file: FontFile, text: str) -> bool:
        return all(self._has(file, character) for character in text)

    def _has(self, file: FontFile, character: str) -> bool:
        if character.isspace():
            return True
        key = (file, character)
        if key not in self._glyphs:
            font = self._font(file, PROBE_SIZE)
            if file not in self._notdef:
                self._notdef[file] = _ink(font, NO_SUCH_CHARACTER)
            self._glyphs[key] = _ink(font, character) != self._notdef[file]
        return self._glyphs[key]

    def _font(self, file: FontFile, size: int) -> ImageFont.FreeTypeFont:
        key = (file, size)
        if key not in self._fonts:
            self._fonts[key] = _load(file, size)
        return self._fonts[key]


def find_typeface(candidates: tuple[FontFile, ...] = (BUNDLED, *SYSTEM)) -> Typeface:
    """The candidates that exist, load and can draw Chinese."""
    usable = []
    for file in candidates:
        try:
            font = _load(file, PROBE_SIZE)
        except OSError:  # absent, unreadable or not a font
            continue
        if _ink(font, CHINESE_PROBE) != _ink(font, NO_SUCH_CHARACTER):
            usable.append(file)
    return Typeface(tuple(usable))


def _load(file: FontFile, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout needs neither libraqm nor shaping, and draws the same on every machine.
    return ImageFont.truetype(
        str(file.path), size, index=file.index, layout_engine=ImageFont.Layout.BASIC
    )


def _ink(font: ImageFont.FreeTypeFont, character: str) -> tuple[tuple[int, ...], bytes]:
    """What the character looks like: its box and its pixels."""
    left, top, right, bottom = (int(v) for v in font.getbbox(character))
    image = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(image).text((-left, -top), character, font=font, fill=255)
    return (left, top, right, bottom), image.tobytes()
