"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class ScoreRound(CallbackData, prefix="sr"):
    round: int  # a showcase round's id


class ScoreTeam(CallbackData, prefix="st"):
    round: int
    team: int  # the team's id; the handler checks it still has a turn in the round
