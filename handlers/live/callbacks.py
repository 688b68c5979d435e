"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class LiveAction(StrEnum):
    SHOW = "show"
    START = "start"
    FINISH = "finish"
    SKIP = "skip"
    DELAY = "delay"
    PAUSE = "pause"
    RESUME = "resume"


class LiveButton(CallbackData, prefix="lv"):
    round: int  # the round's id
    action: LiveAction
    position: int = 0
    minutes: int = 0
    version: int = -1  # events recorded when the board was drawn; -1: just show it
