"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Number


class SchedulePage(CallbackData, prefix="sp"):
    day: Number
