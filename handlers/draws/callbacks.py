"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class DrawButton(CallbackData, prefix="dr"):
    round: int  # the round's id; reveals its committed draw
