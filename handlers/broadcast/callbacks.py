"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id, Number


class DraftAction(StrEnum):
    SKIP = "skip"  # no English version
    CONFIRM = "ok"
    PIN = "pin"  # confirm, and also post and pin it in the audience's team groups
    DISCARD = "no"


class DraftButton(CallbackData, prefix="bd"):
    """A step of the broadcast dialogue; `draft` names the dialogue the button belongs to."""

    draft: Number
    action: DraftAction


class AudiencePick(CallbackData, prefix="ba"):
    draft: Number
    option: Number  # index into the options the dialogue offered (kept in its state)


class WhenPick(CallbackData, prefix="bw"):
    draft: Number
    minutes: Number


class BroadcastAction(StrEnum):
    REPORT = "report"
    CANCEL = "cancel"


class BroadcastButton(CallbackData, prefix="bb"):
    action: BroadcastAction
    id: Id
