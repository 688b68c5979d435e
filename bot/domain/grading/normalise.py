"""Comparing short typed answers: the text two spellings of one answer have in common.

`normalise` is for comparison only; nothing shows its result. It applies, in order:

1. Unicode NFKC (full-width letters, digits and signs become half-width: ３０ → 30, Ａ → A;
   circled and other compatibility digits become plain digits), then case folding.
2. Chinese numerals become Arabic digits. A *run* is a maximal sequence of the characters
   零〇一二两三四五六七八九十百千万亿廿卅, their financial forms 壹贰叁肆伍陆柒捌玖拾佰仟 and
   萬億. A run is converted as a whole, or left exactly as written:
   - a run without 十百千万亿 (or 廿卅) is read digit by digit: 二〇二一 → 2021, 一二三 → 123,
     三 → 3, 两 → 2, 零 → 0;
   - a run with them is read as a place-value number: 十五 → 15, 三十 → 30, 二十四 → 24,
     一百零五 → 105, 两千 → 2000, 三十万 → 300000, 一亿二千万 → 120000000; 零 marks a gap
     (一千零五 → 1005); a single digit after a final 百, 千, 万 or 亿 counts one place lower, as
     people say it (一百五 → 150, 三千五 → 3500, 一万二 → 12000); 廿 is 二十 and 卅 is 三十
     (卅 → 30, 廿四 → 24);
   - a run that is not a well-formed place-value number (百, 千万, 十十, 万一 …) stays as
     written.
   百分之 followed by a number becomes a percentage: 百分之九十五 → 95%, 百分之95 → 95%.
   Numerals inside words are converted too (统一 → 统1, 一次性 → 1次性). That is harmless
   because both sides of a comparison are normalised the same way.
3. Spaces of all kinds, control and format characters (zero-width spaces) and every Unicode
   punctuation character are dropped: Chinese and ASCII stops, commas, colons, quotes, brackets,
   dashes, dots, slashes, underscores, ellipses (。，、；：？！“”‘’（）《》【】…—·.,;:?!"'()[]{}-_/
   and the like), except % and ‰, which change what a number means. Symbols such as + × $ are
   kept. Numerals are read before punctuation is dropped, so 三、十 stays two numbers (310),
   never 30.
4. NFKC once more, so that the result is stable: normalising twice changes nothing.
"""

import re
import unicodedata
from collections.abc import Sequence

_CANONICAL = str.maketrans(
    {
        "〇": "零",
        "两": "二",
        "壹": "一",
        "贰": "二",
        "叁": "三",
        "肆": "四",
        "伍": "五",
        "陆": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
        "萬": "万",
        "億": "亿",
        "廿": "二十",
        "卅": "三十",
    }
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = (("亿", 10**8), ("万", 10**4))
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿廿卅壹贰叁肆伍陆柒捌玖拾佰仟萬億"
_RUN = re.compile(f"[{_NUMERAL_CHARS}]+")
_PERCENT = re.compile(f"百分之([{_NUMERAL_CHARS}]+|[0-9]+)")
_DROPPED_CATEGORIES = ("P", "Z", "Cc", "Cf")
_KEPT_PUNCTUATION = "%‰"


def normalise(text: str) -> str:
    """The comparable form of a typed answer (rules in the module docstring)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    numbers = _RUN.sub(_convert_run, _PERCENT.sub(_convert_percent, folded))
    kept = "".join(c for c in numbers if not _dropped(c))
    return unicodedata.normalize("NFKC", kept)


def same_answer(given: str, accepted: Sequence[str]) -> bool:
    """Whether `given` normalises to one of the accepted answers; an empty answer never does."""
    wanted = normalise(given)
    return bool(wanted) and any(wanted == normalise(answer) for answer in accepted)


def _dropped(char: str) -> bool:
    if char in _KEPT_PUNCTUATION:
        return False
    return char.isspace() or unicodedata.category(char).startswith(_DROPPED_CATEGORIES)


def _convert_run(match: re.Match[str]) -> str:
    run = match.group()
    digits = _read(run)
    return run if digits is None else digits


def _convert_percent(match: re.Match[str]) -> str:
    number = match.group(1)
    digits = number if number.isdigit() else _read(number)
    return match.group() if digits is None else f"{digits}%"


def _read(run: str) -> str | None:
    """The Arabic digits of a run of Chinese numerals, or None when it is not well formed."""
    canonical = run.translate(_CANONICAL)
    if all(c in _DIGITS for c in canonical):
        return "".join(str(_DIGITS[c]) for c in canonical)
    value = _place_value(canonical)
    return None if value is None else str(value)


def _place_value(text: str) -> int | None:
    """A place-value number in canonical characters (廿卅 already spelled out)."""
    total = 0
    rest = text
    start = True
    last_big = 0
    for char, unit in _BIG_UNITS:
        if char not in rest:
            continue
        head, _, rest = rest.partition(char)
        if char in rest:
            return None
        group = _small(head, leading_ten=start)
        if not group:
            return None
        total += group * unit
        start, last_big = False, unit
        if len(rest) > 1 and rest.startswith("零"):
            rest = rest[1:]  # 一万零五: the gap before the rest
    if not rest:
        return total
    if not start and len(rest) == 1 and rest in _DIGITS and not text.endswith("零" + rest):
        # 一万二: a lone digit after the last big unit counts one place lower.
        return total + _DIGITS[rest] * last_big // 10
    tail = _small(rest, leading_ten=start)
    return None if tail is None else total + tail


def _small(text: str, *, leading_ten: bool) -> int | None:
    """A number below 10000 written with 十百千, or None when it is not well formed."""
    if not text:
        return None
    value, last_unit, gap, index = 0, 10000, False, 0
    while index < len(text):
        char = text[index]
        if char == "零":
            if index == 0 or gap or index == len(text) - 1:
                return None
            gap, index = True, index + 1
            continue
        if char in _SMALL_UNITS:
            if index == 0 and char == "十" and leading_ten:
                value, last_unit, index = 10, 10, 1
                continue
            return None
        digit = _DIGITS.get(char)
        if digit is None:
            return None  # 万 or 亿 in a place they cannot be
        following = text[index + 1] if index + 1 < len(text) else None
        if following in _SMALL_UNITS:
            unit = _SMALL_UNITS[following]
            if unit >= last_unit:
                return None
            value, last_unit, gap, index = value + digit * unit, unit, False, index + 2
            continue
        if following is not None:
            return None
        if gap or last_unit in (10, 10000):
            return value + digit
        return value + digit * last_unit // 10  # 一百五 is 150
    return value
