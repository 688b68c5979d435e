"""Message catalogs (gettext .mo compiled from the .po files in bot/locales)."""

import gettext
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from bot.domain.enums import Locale
from bot.domain.problems import Plural

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"

Translate = Callable[[str], str]
# (singular, plural, n): the form the locale's plural rule picks for n.
TranslatePlural = Callable[[str, str, int], str]


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


def plural_translator(locale: Locale) -> TranslatePlural:
    return translation(locale).ngettext


def translated(
    translate: Translate, translate_plural: TranslatePlural, message: str | Plural,
    params: Mapping[str, object],
) -> str:  # fmt: skip
    """The message in the reader's language; a `Plural` in the form its number asks for."""
    if isinstance(message, str):
        return translate(message)
    number = params[message.number]
    quantity = number if isinstance(number, int) else int(str(number))
    return translate_plural(message.singular, message.plural, quantity)
