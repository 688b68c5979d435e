"""Chinese word segmentation for key-point matching, backed by jieba.

jieba loads its dictionary on the first cut (about a second); `jieba_segment` does that lazily
and quietly (jieba's own log is kept to warnings). `cached_segment` remembers recent texts:
key points are segmented again for every answer.
"""

import logging
import threading
from functools import lru_cache

import jieba

_ready = False
_lock = threading.Lock()


def jieba_segment(text: str) -> list[str]:
    """The words of `text`, punctuation and spaces included, as jieba cuts them."""
    _initialise()
    return [str(word) for word in jieba.lcut(text)]


@lru_cache(maxsize=4096)
def cached_segment(text: str) -> tuple[str, ...]:
    return tuple(jieba_segment(text))


def _initialise() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _ready = True
