"""Dates written out (9月26日, 9/26, Sep 26, 26th of September) and relative days."""

import re
from datetime import date, timedelta

_CN_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}
_NUMBER = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)"
# A bare "1号" followed by a place is a room (1号厅), not the first of the month.
_PLACE_AFTER = r"[厅楼室场馆会考间层栋门]"
_UNIT_AFTER = r"(?:小时|个|分|h|min|hour)"
_DATE = re.compile(
    rf"(?:(?P<y1>[0-9]{{4}})\s*年\s*)?(?P<m1>{_NUMBER})\s*月\s*(?P<d1>{_NUMBER})\s*[日号]?"
    rf"|(?<![0-9a-z])(?:(?P<y2>[0-9]{{4}})[-/])?(?P<m2>[0-9]{{1,2}})[-/](?P<d2>[0-9]{{1,2}})"
    r"(?![0-9])"
    rf"|(?<![a-z])(?P<mn3>{_MONTH})\.?\s*(?P<d3>[0-9]{{1,2}}){_ORDINAL}?(?![0-9a-z])"
    rf"|(?<![0-9a-z])(?P<d4>[0-9]{{1,2}}){_ORDINAL}?\s*(?:of\s+)?(?P<mn4>{_MONTH})(?![a-z])"
    rf"|(?<![0-9一二三四五六七八九十几])(?P<d5>{_NUMBER})\s*[日号](?!{_PLACE_AFTER})"
    rf"|(?<![0-9a-z])(?P<d6>[0-9]{{1,2}}){_ORDINAL}(?![0-9a-z])"
    # 9.27 is a date, 1.5小时 is not.
    rf"|(?<![0-9a-z.])(?P<m7>[0-9]{{1,2}})\.(?P<d7>[0-9]{{1,2}})(?![0-9.]|\s*{_UNIT_AFTER})"
)


def number(text: str) -> int:
    """1–99 from ASCII digits or Chinese numerals (二十六 = 26, 十一 = 11)."""
    if text.isascii():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    return _CN_DIGITS.get(tens, 1 if not tens else 0) * 10 + _CN_DIGITS.get(units, 0)


def find_date(folded: str, today: date) -> tuple[date | None, str]:
    """The first written date in the text, and the text without it.

    The year is today's unless written; an impossible date (2月30日) is no date.
    """
    match = _DATE.search(folded)
    if match is None:
        return None, folded
    rest = f"{folded[: match.start()]} {folded[match.end() :]}"
    groups = match.groupdict()
    year = groups["y1"] or groups["y2"]
    month_name = groups["mn3"] or groups["mn4"]
    month_text = groups["m1"] or groups["m2"] or groups["m7"]
    day_text = next(groups[g] for g in ("d1", "d2", "d3", "d4", "d5", "d6", "d7") if groups[g])
    month = _MONTHS[month_name] if month_name else number(month_text) if month_text else None
    day_number = number(day_text)
    if groups["m2"] and month is not None and month > 12 >= day_number:
        month, day_number = day_number, month  # 26/9, day first
    try:
        found = date(int(year) if year else today.year, month or today.month, day_number)
    except ValueError:
        return None, rest
    return found, rest


def shifted(today: date, days: int) -> date | None:
    try:
        return today + timedelta(days=days)
    except OverflowError:
        return None


def weekday_date(today: date, weekday: int, week: int | None) -> date | None:
    """周四 is the next Thursday from today on; 下周四 is Thursday of next calendar week."""
    if week is None:
        return shifted(today, (weekday - today.weekday()) % 7)
    return shifted(today, 7 * week + weekday - today.weekday())
