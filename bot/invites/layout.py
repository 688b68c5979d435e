"""Where things go on an A4 page of invite cards, in pixels at 300 dpi. Pure."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

DPI = 300
PAGE_SIZE = (2480, 3508)  # A4, 210 × 297 mm
MARGIN = 118  # 10 mm: what most printers cannot reach
COLUMNS = 2
ROWS = 4
PER_PAGE = COLUMNS * ROWS

Measure = Callable[[str, int], float]  # the width of a text at a font size


@dataclass(frozen=True, slots=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def card_boxes() -> list[Box]:
    """The card slots of a page, row by row: 2 × 4 cards of 95 × 69 mm."""
    width = (PAGE_SIZE[0] - 2 * MARGIN) // COLUMNS
    height = (PAGE_SIZE[1] - 2 * MARGIN) // ROWS
    return [
        Box(MARGIN + column * width, MARGIN + row * height, width, height)
        for row in range(ROWS)
        for column in range(COLUMNS)
    ]


def paginate(items: Sequence[T], per_page: int = PER_PAGE) -> list[Sequence[T]]:
    return [items[start : start + per_page] for start in range(0, len(items), per_page)]


def fit_size(text: str, width: int, largest: int, smallest: int, measure: Measure) -> int:
    """The largest font size, down to `smallest`, at which the text fits the width."""
    size = largest
    while size > smallest and measure(text, size) > width:
        size -= 2
    return max(size, smallest)


def wrap(text: str, width: int, size: int, measure: Measure, max_lines: int) -> list[str]:
    """Lines of at most `width`, breaking between characters (Chinese has no spaces);
    the last line ends in '…' when the text does not fit."""
    lines: list[str] = []
    line = ""
    for character in text:
        if line and measure(line + character, size) > width:
            lines.append(line.rstrip())
            line = character.lstrip()
        else:
            line += character
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    while last and measure(last + "…", size) > width:
        last = last[:-1]
    return [*lines[: max_lines - 1], last + "…"]
