"""Matching sheet names and column headers, forgiving spaces, case and full-width brackets."""

from collections.abc import Iterable, Sequence

from bot.domain.problems import N_, Problem, Sheet
from bot.formats.columns import OPTION_HEADERS, OPTION_KEYS, SheetSpec


def normalise(header: object) -> str:
    text = str(header).strip().casefold().replace("（", "(").replace("）", ")")
    return "".join(ch for ch in text if not ch.isspace() and ch != "*")


def find_sheet(spec: SheetSpec, names: Iterable[str]) -> str | None:
    accepted = {normalise(name) for name in spec.accepted}
    return next((name for name in names if normalise(name) in accepted), None)


class HeaderMap:
    """Maps the headers of one sheet to column keys and reports unknown or missing ones."""

    def __init__(self, spec: SheetSpec) -> None:
        self.spec = spec
        self._keys = {normalise(name): c.key for c in spec.columns for name in c.accepted}
        if spec.sheet is Sheet.QUESTIONS:
            for index, (header, key) in enumerate(zip(OPTION_HEADERS, OPTION_KEYS, strict=True)):
                self._keys[normalise(header)] = f"options:{index}"
                self._keys[normalise(key)] = f"options:{index}"

    def key(self, header: object) -> str | None:
        return self._keys.get(normalise(header))

    def check(
        self, headers: Iterable[object], row: int | None, *, require_all: bool = True
    ) -> list[Problem]:
        """Unknown headers, and (for a header row) required columns that are missing."""
        problems = []
        found = set()
        for header in headers:
            if header is None or not str(header).strip():
                continue
            key = self.key(header)
            if key is None:
                problems.append(
                    Problem(
                        N_("unknown column '{header}'"),
                        {"header": str(header).strip()},
                        self.spec.sheet,
                        row,
                    )
                )
            else:
                found.add(key.split(":")[0])
        for column in self.spec.columns if require_all else ():
            if column.required and column.key not in found:
                problems.append(
                    Problem(
                        N_("the required column '{header}' is missing"),
                        {"header": column.header},
                        self.spec.sheet,
                        row,
                    )
                )
        return problems


def missing_sheet(spec: SheetSpec) -> Problem:
    return Problem(N_("the sheet is missing"), {}, spec.sheet)


def fold_options(pairs: Sequence[tuple[str, object]]) -> dict[str, object]:
    """Row values by key; one-column-per-option cells become the `options` list.

    Empty option cells before a filled one stay in the list as "", so every option keeps its
    letter and the gap is reported instead of shifting later options up.
    """
    values: dict[str, object] = {}
    options: dict[int, object] = {}
    for key, value in pairs:
        if key.startswith("options:"):
            options[int(key.split(":")[1])] = value
        else:
            values[key] = value
    filled = [i for i, value in options.items() if value is not None and str(value).strip()]
    if filled:
        values["options"] = [
            "" if options.get(i) is None else options[i] for i in range(max(filled) + 1)
        ]
    return values
