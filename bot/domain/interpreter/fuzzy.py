"""Typo-tolerant lookup of English words by edit distance."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

# Short words have too many real-word neighbours to correct safely ("the", "hal").
MIN_LENGTH = 4
LONG_WORD = 8


def damerau_levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`.

    The optimal-string-alignment variant: a swapped pair is not edited again, which is
    what typing mistakes look like. With a `limit`, any distance above it is `limit + 1`.
    """
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    a, b = a[start:end_a], b[start:end_b]
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return len(a) or len(b)
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        left, diagonal = i, i - 1
        for j, cb in enumerate(b, start=1):
            up = previous[j]
            # Plain comparisons: min() costs a call per cell, and this is the hot loop.
            best = diagonal + (ca != cb)
            if up < best:
                best = up + 1
            if left < best:
                best = left + 1
            if j > 1 and i > 1 and ca == b[j - 2] and a[i - 2] == cb and before[j - 2] < best:
                best = before[j - 2] + 1
            current.append(best)
            left, diagonal = best, up
        # Rows never shrink by more than one, so a row all above the limit ends the search.
        if limit is not None and min(current) > limit:
            return limit + 1
        before, previous = previous, current
    distance = previous[-1]
    return distance if limit is None else min(distance, limit + 1)


def allowed_distance(word: str) -> int:
    """How many typos a known word of this length tolerates."""
    if len(word) >= LONG_WORD:
        return 2
    return 1 if len(word) >= MIN_LENGTH else 0


def letters(word: str) -> int:
    """The set of letters in a word, as bits: each edit changes at most two of them."""
    bits = 0
    for c in word:
        bits |= 1 << (ord(c) & 63)
    return bits


@dataclass(frozen=True, slots=True, eq=False)
class FuzzyIndex:
    """Known words by first letter and length: typos rarely hit the first letter, and
    insisting on it keeps "then" from becoming "when" and "call" from becoming "hall"."""

    buckets: Mapping[tuple[str, int], tuple[tuple[str, int], ...]]  # -> (word, its letters)

    @classmethod
    def of(cls, words: Iterable[str]) -> "FuzzyIndex":
        index: dict[tuple[str, int], set[str]] = {}
        for word in words:
            if allowed_distance(word):
                index.setdefault((word[0], len(word)), set()).add(word)
        return cls(
            MappingProxyType(
                {k: tuple((w, letters(w)) for w in sorted(ws)) for k, ws in index.items()}
            )
        )

    def correct(self, token: str) -> str | None:
        """The known word the token is a typo of, or None."""
        size = len(token)
        if size < MIN_LENGTH:
            return None
        token_letters = letters(token)
        best: tuple[int, bool, int, str] | None = None
        for word, word_letters in self._candidates(token):
            limit = allowed_distance(word)
            if (
                abs(len(word) - size) > limit
                or (word_letters ^ token_letters).bit_count() > 2 * limit
            ):
                continue
            distance = damerau_levenshtein(token, word, limit)
            if distance > limit:
                continue
            # Ties go to the word the token begins ("wher": where, not when).
            rank = (distance, not word.startswith(token), abs(len(word) - size), word)
            if best is None or rank < best:
                best = rank
        return best[3] if best else None

    def _candidates(self, token: str) -> Iterator[tuple[str, int]]:
        size = len(token)
        for length in range(size - 2, size + 3):
            yield from self.buckets.get((token[0], length), ())
            # "hwere": the first two letters swapped.
            for entry in self.buckets.get((token[1], length), ()):
                if entry[0][1] == token[0]:
                    yield entry
