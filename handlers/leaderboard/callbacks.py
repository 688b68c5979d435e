"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class LeaderboardButton(CallbackData, prefix="lb"):
    join: bool  # what pressing it does
