"""Chinese word segmentation for key-point matching, backed by jieba.

jieba loads its dictionary on the first cut (about a second); the segmenter does that lazily
and quietly (jieba's own log is kept to warnings). It remembers recent texts: key points are
segmented again for every answer.
"""

import logging
import threading
from functools import lru_cache

from bot.services.ports import Segmenter

CACHE_SIZE = 4096


class JiebaSegmenter:
    def __init__(self, cache_size: int = CACHE_SIZE) -> None:
        self._lock = threading.Lock()
        self._ready = False
        self._cached = lru_cache(maxsize=cache_size)(self._cut)

    def segment(self, text: str) -> tuple[str, ...]:
        """The words of `text`, punctuation and spaces included, as jieba cuts them."""
        return self._cached(text)

    def _cut(self, text: str) -> tuple[str, ...]:
        import jieba  # imported on the first cut: only grading an open answer needs it

        self._initialise()
        return tuple(str(word) for word in jieba.lcut(text))

    def _initialise(self) -> None:
        if self._ready:
            return
        with self._lock:
            if not self._ready:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                self._ready = True


def jieba_segmenter() -> Segmenter:
    return JiebaSegmenter()
