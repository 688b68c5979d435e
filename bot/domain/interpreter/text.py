"""Text folding: width, case, apostrophes and punctuation stop mattering."""

import re
import unicodedata

# Dropped rather than spaced so that "what's" reads as the one word "whats".
_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘`´", None))
_WE_ARE = re.compile(r"['’]re\b")
_SEPARATORS = re.compile(r"[\W_]+")
WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), case-insensitive, no apostrophes; punctuation kept."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # "we're" must not become "were".
    return _WE_ARE.sub(" are", folded).translate(_APOSTROPHES)


def clean(folded: str) -> str:
    """Punctuation, symbols and emoji become single spaces."""
    return _SEPARATORS.sub(" ", folded)


def normalize(text: str) -> str:
    return clean(fold(text)).strip()
