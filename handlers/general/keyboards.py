"""This feature's inline keyboards."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.enums import Locale
from handlers.general.callbacks import LanguageChoice
from handlers.keyboards import button

LANGUAGE_NAMES = {Locale.ZH_HANS: "简体中文", Locale.EN: "English"}


def languages() -> InlineKeyboardMarkup:
    buttons = [
        button(name, LanguageChoice(locale=locale)) for locale, name in LANGUAGE_NAMES.items()
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])
