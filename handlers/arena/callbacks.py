"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id, Number, NumberOrNone, Word


class ArenaKind(StrEnum):
    TEAMS = "teams"  # back to the teams
    MANDATORY = "mandatory"
    RISK = "risk"
    BUZZ = "buzz"
    UNDO = "undo"


class ArenaButton(CallbackData, prefix="ar"):
    """A step of recording an arena event: team, kind, contestant or tier, then outcome."""

    round: Id
    # The team's id; the handler checks it still has a turn in the round.
    team: NumberOrNone = -1
    kind: ArenaKind = ArenaKind.TEAMS
    # A contestant's id, for a mandatory question; checked to be the team's.
    person: NumberOrNone = -1
    tier: Number = 0
    outcome: Word = ""  # empty: choose it next
    version: NumberOrNone = -1
