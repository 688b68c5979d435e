"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class SchedulePage(CallbackData, prefix="sp"):
    day: int
