"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Number


class FollowButton(CallbackData, prefix="f"):
    track: Number  # index into the contest's tracks, in their order
    follow: bool  # what pressing it does, so a double tap leaves it as pressed
