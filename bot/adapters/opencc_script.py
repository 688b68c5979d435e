"""Traditional to simplified Chinese with OpenCC (its `t2s` configuration, phrases included).

The converter loads its dictionaries (about 3 MiB) on the first text that may hold a
traditional character. Text that GB 2312 can encode does not: that character set is the
simplified one, so a question typed in simplified Chinese (or ASCII) never loads OpenCC.
"""

import threading
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


class OpenccScript:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._converter: _Converter | None = None

    @property
    def loaded(self) -> bool:
        return self._converter is not None

    def to_simplified(self, text: str) -> str:
        if _simplified_only(text):
            return text
        return self._loaded().convert(text)

    def _loaded(self) -> _Converter:
        if self._converter is None:
            with self._lock:
                if self._converter is None:
                    import opencc  # on the first Chinese question: start-up does not pay for it

                    self._converter = opencc.OpenCC("t2s")
        return self._converter


# The characters of GB 2312 that OpenCC's t2s still changes (tests/adapters/test_opencc_script.py
# derives them from OpenCC itself).
CONVERTED_IN_GB2312 = frozenset("乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽")


def _simplified_only(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return CONVERTED_IN_GB2312.isdisjoint(text)


def opencc_script() -> OpenccScript:
    return OpenccScript()
