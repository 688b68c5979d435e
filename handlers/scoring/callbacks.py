"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id


class ScoreRound(CallbackData, prefix="sr"):
    round: Id  # a showcase round's id


class ScoreTeam(CallbackData, prefix="st"):
    round: Id
    team: Id  # the team's id; the handler checks it still has a turn in the round
