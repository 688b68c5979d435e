"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class ArenaKind(StrEnum):
    TEAMS = "teams"  # back to the teams
    MANDATORY = "mandatory"
    RISK = "risk"
    BUZZ = "buzz"
    UNDO = "undo"


class ArenaButton(CallbackData, prefix="ar"):
    """A step of recording an arena event: team, kind, contestant or tier, then outcome."""

    round: int
    team: int = -1  # the team's id; the handler checks it still has a turn in the round
    kind: ArenaKind = ArenaKind.TEAMS
    person: int = -1  # a contestant's id, for a mandatory question; checked to be the team's
    tier: int = 0
    outcome: str = ""  # empty: choose it next
    version: int = -1
