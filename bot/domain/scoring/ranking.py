"""Competition ranking ("1, 2, 2, 4"): a row's rank is one more than the rows strictly better.

Only scored rows are ranked: an unscored row has rank None and never takes a rank from, or
gives one to, a scored row."""

from collections.abc import Mapping, Sequence
from decimal import Decimal

SortKey = tuple[Decimal, ...]


def competition_ranks(keys: Sequence[SortKey]) -> list[int]:
    """The rank of each key, in the order given; higher keys are better, equal keys share."""
    ordered = sorted(range(len(keys)), key=lambda i: keys[i], reverse=True)
    ranks = [0] * len(keys)
    for position, index in enumerate(ordered):
        before = ordered[position - 1]
        tied = position > 0 and keys[before] == keys[index]
        ranks[index] = ranks[before] if tied else position + 1
    return ranks


def ranks_among_scored(keys: Sequence[SortKey | None]) -> list[int | None]:
    """Competition ranks among the keys that are there; a missing key (unscored) has no rank."""
    present = [(i, key) for i, key in enumerate(keys) if key is not None]
    found = competition_ranks([key for _, key in present])
    ranks: list[int | None] = [None] * len(keys)
    for (index, _), rank in zip(present, found, strict=True):
        ranks[index] = rank
    return ranks


def ranks_of(scores: Mapping[str, Decimal | None]) -> dict[str, int | None]:
    """Each code's competition rank on its own score; codes without a score have no rank."""
    codes = list(scores)
    keys = [None if (s := scores[c]) is None else (s,) for c in codes]
    return dict(zip(codes, ranks_among_scored(keys), strict=True))
