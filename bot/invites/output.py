"""Writing rendered pages: one PDF, or one PNG per page."""

from collections.abc import Iterable
from pathlib import Path

from PIL import Image

from bot.invites.layout import DPI


def png_paths(path: Path, pages: int) -> list[Path]:
    """`path` for the first page, `stem-2.png`, `stem-3.png`, … beside it for the others."""
    return [path] + [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(2, pages + 1)]


def write_pdf(pages: Iterable[Image.Image], path: Path) -> int:
    """Saves the pages as black and white (CCITT G4 where Pillow has libtiff); the page count."""
    bilevel = [page.convert("1", dither=Image.Dither.NONE) for page in pages]
    if not bilevel:
        raise ValueError("no pages to write")
    first, *rest = bilevel
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(DPI))
    return len(bilevel)


def write_pngs(pages: Iterable[Image.Image], path: Path) -> list[Path]:
    """Saves each page as it is rendered; the files written, in page order."""
    written: list[Path] = []
    for number, page in enumerate(pages, start=1):
        target = png_paths(path, number)[-1]
        page.save(target, "PNG", dpi=(DPI, DPI), optimize=False)
        written.append(target)
    return written
