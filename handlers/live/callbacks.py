"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Delay, Id, Number, NumberOrNone


class LiveAction(StrEnum):
    SHOW = "show"
    START = "start"
    FINISH = "finish"
    SKIP = "skip"
    DELAY = "delay"
    PAUSE = "pause"
    RESUME = "resume"


class LiveButton(CallbackData, prefix="lv"):
    round: Id  # the round's id
    action: LiveAction
    position: Number = 0
    minutes: Delay = 0
    version: NumberOrNone = -1  # events recorded when the board was drawn; -1: just show it
