"""Competition ranking ("1, 2, 2, 4"): a row's rank is one more than the rows strictly better."""

from collections.abc import Sequence
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
