"""QR codes of the deep links, as module matrices and as crisp black-and-white images."""

from PIL import Image

# 'M' survives a crease or a smudge on a printed badge; segno raises it when the size allows.
ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(link: str) -> Matrix:
    """The symbol's modules, True for dark, without the quiet zone."""
    import segno

    code = segno.make(link, error=ERROR_LEVEL, micro=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def qr_image(link: str, size: int) -> Image.Image:
    """A mode '1' image at most `size` pixels wide, whole pixels per module, quiet zone included."""
    matrix = qr_matrix(link)
    modules = len(matrix) + 2 * QUIET_ZONE
    scale = max(1, size // modules)
    small = Image.new("1", (modules, modules), 1)
    pixels = [
        0 if QUIET_ZONE <= y < modules - QUIET_ZONE and _dark(matrix, x, y) else 1
        for y in range(modules)
        for x in range(modules)
    ]
    small.putdata(pixels)
    return small.resize((modules * scale, modules * scale), Image.Resampling.NEAREST)


def _dark(matrix: Matrix, x: int, y: int) -> bool:
    row = y - QUIET_ZONE
    column = x - QUIET_ZONE
    return 0 <= column < len(matrix) and matrix[row][column]
