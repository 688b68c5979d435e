"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id


class DrawButton(CallbackData, prefix="dr"):
    round: Id  # the round's id; reveals its committed draw
