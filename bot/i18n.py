"""Message catalogs (gettext .mo compiled from the .po files in bot/locales)."""

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bot.domain.enums import Locale

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"

Translate = Callable[[str], str]


def catalog_name(locale: Locale) -> str:
    """Directory name of a locale: gettext wants zh_Hans where BCP 47 says zh-Hans."""
    return locale.value.replace("-", "_")


@cache
def translation(locale: Locale) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, LOCALES_DIR, languages=[catalog_name(locale)], fallback=locale is Locale.EN
    )


def translator(locale: Locale) -> Translate:
    return translation(locale).gettext
