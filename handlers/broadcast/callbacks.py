"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class DraftAction(StrEnum):
    SKIP = "skip"  # no English version
    CONFIRM = "ok"
    PIN = "pin"  # confirm, and also post and pin it in the audience's team groups
    DISCARD = "no"


class DraftButton(CallbackData, prefix="bd"):
    """A step of the broadcast dialogue; `draft` names the dialogue the button belongs to."""

    draft: int
    action: DraftAction


class AudiencePick(CallbackData, prefix="ba"):
    draft: int
    option: int  # index into the options the dialogue offered (kept in its state)


class WhenPick(CallbackData, prefix="bw"):
    draft: int
    minutes: int


class BroadcastAction(StrEnum):
    REPORT = "report"
    CANCEL = "cancel"


class BroadcastButton(CallbackData, prefix="bb"):
    action: BroadcastAction
    id: int
