"""A day reads as CLDR's "MMMdEEE" in each language, without Babel's locale data loaded."""

from datetime import date
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.enums import Locale
from bot.i18n import catalog_name
from bot.texts.texts import Texts

ZONE = ZoneInfo("Asia/Shanghai")


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(Locale))
def test_a_day_reads_as_cldr_writes_it(day: date, locale: Locale) -> None:
    expected = format_skeleton("MMMdEEE", day, locale=catalog_name(locale))
    assert Texts(locale, ZONE).day(day) == expected


def test_the_contests_first_day_in_chinese() -> None:
    assert Texts(Locale.ZH_HANS, ZONE).day(date(2024, 9, 26)) == "9月26日周四"
