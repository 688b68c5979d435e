"""Translation plus locale-aware formatting of names, dates and times, for one reader."""

from datetime import date, datetime
from functools import lru_cache
from html import escape
from zoneinfo import ZoneInfo

from bot.domain.enums import Locale
from bot.domain.problems import N_, Plural
from bot.i18n import plural_translator, translated, translator

# A day as "9月26日周四" or "Thu, Sep 26" (CLDR's MMMdEEE), from the catalogs: Babel's locale
# data for it cost the running bot about 4 MiB.
DAY = N_("{weekday}, {month} {day}")
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
          N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))  # fmt: skip


class Markup(str):
    """Text that is already HTML, so it is not escaped again when it fills a message."""

    __slots__ = ()


def html(text: str) -> Markup:
    return Markup(escape(text, quote=False))


class Texts:
    def __init__(self, locale: Locale, zone: ZoneInfo) -> None:
        self.locale = locale
        self.zone = zone
        self._translate = translator(locale)
        self._translate_plural = plural_translator(locale)

    def __call__(self, message: str | Plural, **params: object) -> str:
        """The translated message; parameters are HTML-escaped because replies use HTML.

        A `Plural` takes the form its number parameter (`count` unless it names another) asks for.
        """
        text = translated(self._translate, self._translate_plural, message, params)
        if not params:
            return text
        return text.format(
            **{
                k: v if isinstance(v, Markup) else escape(str(v), quote=False)
                for k, v in params.items()
            }
        )

    def name(self, name: str, name_en: str = "") -> str:
        return name_en if self.locale is Locale.EN and name_en else name

    def day(self, day: date) -> str:
        return _day(day, self.locale)

    def clock(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M")

    def moment(self, moment: datetime) -> str:
        """'9月26日周四 13:30' in the contest's zone."""
        return f"{self.day(moment.astimezone(self.zone).date())} {self.clock(moment)}"

    def list(self, items: list[str]) -> str:
        """Names in a row: "甲、乙、丙" or "A, B, C"."""
        return (", " if self.locale is Locale.EN else "、").join(items)

    def span(self, start: datetime, end: datetime) -> str:
        """'9月26日周四 13:30–14:10': the day of the start, then both times."""
        return f"{self.moment(start)}–{self.clock(end)}"


def _safe(value: object) -> str:
    return value if isinstance(value, Markup) else escape(str(value), quote=False)


@lru_cache(maxsize=256)
def _day(day: date, locale: Locale) -> str:
    t = translator(locale)
    return t(DAY).format(
        weekday=t(WEEKDAYS[day.weekday()]), month=t(MONTHS[day.month - 1]), day=day.day
    )
