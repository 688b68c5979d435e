"""Traditional to simplified Chinese with OpenCC (its `t2s` configuration, phrases included).

The converter loads its dictionaries on first use; ASCII text never needs it.
"""

import threading
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


class OpenccScript:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._converter: _Converter | None = None

    def to_simplified(self, text: str) -> str:
        if text.isascii():
            return text
        return self._loaded().convert(text)

    def _loaded(self) -> _Converter:
        if self._converter is None:
            with self._lock:
                if self._converter is None:
                    import opencc  # on the first Chinese question: start-up does not pay for it

                    self._converter = opencc.OpenCC("t2s")
        return self._converter


def opencc_script() -> OpenccScript:
    return OpenccScript()
