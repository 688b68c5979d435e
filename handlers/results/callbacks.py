"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id, Number


class PublishButton(CallbackData, prefix="pb"):
    round: Id
    version: Number  # the version it publishes: a second tap finds it published already


class PublishPreview(CallbackData, prefix="pp"):
    """Shows what publishing the round would send, and how complete its inputs are."""

    round: Id


class PublishAnyway(CallbackData, prefix="pa"):
    """Publishes an incomplete round on purpose; the missing results are told as pending."""

    round: Id
    version: Number


class WithdrawPublication(CallbackData, prefix="pw"):
    """Takes back the round's published version (a reason is asked next)."""

    round: Id
    version: Number
