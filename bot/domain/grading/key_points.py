"""Which key points an open answer (short answer or essay) makes.

A key point is *hit* when one of its phrasings (the point itself or any of its synonyms) is in
the answer, either way:

1. Containment: the normalised phrasing (see `normalise`) is a substring of the normalised
   answer. 不得重复提交 is in “……不得重复提交。”, ３０天 matches 三十天.
2. Words: the phrasing has at least two content words and every one of them is among the words
   of the answer, in any order and anywhere. Words come from the `segment` function given by
   the caller (jieba at the edge; tests use a fake), each normalised; empty words
   (punctuation) and the function words in `FUNCTION_WORDS` (的, 和, 或者 …) are not content
   words. So 不得重复提交 is hit by “不得要求申请人重复提交”.

An empty phrasing never matches. A key point counts once however often the answer repeats it;
the hits and misses keep the order of the question's key points.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.domain.grading.normalise import normalise
from bot.domain.questions import KeyPoint

Segment = Callable[[str], Sequence[str]]

FUNCTION_WORDS = frozenset(
    {"的", "地", "得", "之", "了", "着", "和", "与", "及", "以及", "或", "或者", "并", "并且"}
    | {"而", "等", "在", "对", "为", "是", "把", "被", "由", "于", "将"}
)
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True, slots=True)
class Coverage:
    hits: tuple[KeyPoint, ...]
    misses: tuple[KeyPoint, ...]


def coverage(key_points: Sequence[KeyPoint], answer: str, segment: Segment) -> Coverage:
    """The key points the answer makes and those it misses (rules in the module docstring)."""
    text = normalise(answer)
    words = _words(answer, segment) if text else frozenset()
    hits: list[KeyPoint] = []
    misses: list[KeyPoint] = []
    for point in key_points:
        phrasings = (point.point, *point.synonyms)
        made = any(_makes(phrasing, text, words, segment) for phrasing in phrasings)
        (hits if made else misses).append(point)
    return Coverage(tuple(hits), tuple(misses))


def content_words(phrase: str, segment: Segment) -> frozenset[str]:
    return _words(phrase, segment) - FUNCTION_WORDS


def _makes(phrasing: str, text: str, words: frozenset[str], segment: Segment) -> bool:
    wanted = normalise(phrasing)
    if not wanted or not text:
        return False
    if wanted in text:
        return True
    needed = content_words(phrasing, segment)
    return len(needed) >= MIN_CONTENT_WORDS and needed <= words


def _words(text: str, segment: Segment) -> frozenset[str]:
    return frozenset(word for word in map(normalise, segment(text)) if word)
