"""The verifiable draw of a round's running order (抽签).

Before the draw, organizers publish the commitment: the SHA-256 of the seed. After the draw
they reveal the seed, and anyone (the notary first) can check both the commitment and the order
with nothing but `sha256sum`:

1. The commitment is the lowercase hex SHA-256 of the seed's UTF-8 bytes:
   `printf '%s' "$SEED" | sha256sum`.
2. For every team code, its key is the lowercase hex SHA-256 of the UTF-8 bytes of the seed, a
   colon and the code, with no newline: `printf '%s' "$SEED:H01" | sha256sum`.
3. The running order lists the codes by key, smallest first (hex strings of equal length compare
   like the numbers they write); equal keys, which do not happen in practice, fall back to the
   code. The order in which the codes were given plays no part.

A seed is 32 to 128 lowercase hex digits (128 to 512 bits): enough that nobody can guess it from
the commitment, and plain enough to copy into a shell without quoting or encoding surprises.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

HEX_DIGITS = frozenset("0123456789abcdef")
SEED_MIN_LENGTH = 32
SEED_MAX_LENGTH = 128


class DrawOutcome(StrEnum):
    OK = "ok"
    SEED_MISMATCH = "seed_mismatch"
    ORDER_MISMATCH = "order_mismatch"


@dataclass(frozen=True, slots=True)
class DrawCheck:
    outcome: DrawOutcome
    # The first 1-based position where the published order differs from the recomputed one.
    position: int | None = None
    expected: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome is DrawOutcome.OK


def valid_seed(seed: str) -> bool:
    return SEED_MIN_LENGTH <= len(seed) <= SEED_MAX_LENGTH and set(seed) <= HEX_DIGITS


def commitment(seed: str) -> str:
    return _sha256(seed)


def draw_key(seed: str, team_code: str) -> str:
    return _sha256(f"{seed}:{team_code}")


def draw_order(seed: str, team_codes: Sequence[str]) -> list[str]:
    """The running order of the teams for this seed (algorithm in the module docstring)."""
    codes = sorted(team_codes)
    if len(set(codes)) != len(codes):
        raise ValueError("team codes must be distinct")
    return sorted(codes, key=lambda code: (draw_key(seed, code), code))


def verify(
    seed: str, commitment_hex: str, team_codes: Sequence[str], published_order: Sequence[str]
) -> DrawCheck:
    """Checks a revealed seed against its commitment, then the published order against it."""
    if commitment(seed) != commitment_hex.strip().lower():
        return DrawCheck(DrawOutcome.SEED_MISMATCH)
    expected = tuple(draw_order(seed, team_codes))
    published = tuple(published_order)
    if published == expected:
        return DrawCheck(DrawOutcome.OK, expected=expected)
    pairs = zip(expected, published, strict=False)
    differing = next((i for i, (a, b) in enumerate(pairs, 1) if a != b), None)
    position = differing or min(len(expected), len(published)) + 1
    return DrawCheck(DrawOutcome.ORDER_MISMATCH, position, expected)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Draw:
    """A draw as recorded: the commitment is public at once, the seed only once revealed."""

    id: int
    round_code: str
    commitment: str
    seed: str
    teams: tuple[str, ...]
    committed_at: datetime
    order: tuple[str, ...] | None = None
    revealed_at: datetime | None = None
