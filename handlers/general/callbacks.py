"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from bot.domain.enums import Locale


class LanguageChoice(CallbackData, prefix="lang"):
    locale: Locale
