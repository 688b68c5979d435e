"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class PublishButton(CallbackData, prefix="pb"):
    round: int
    version: int  # the version it publishes: a second tap finds it published already


class PublishPreview(CallbackData, prefix="pp"):
    """Shows what publishing the round would send, and how complete its inputs are."""

    round: int


class PublishAnyway(CallbackData, prefix="pa"):
    """Publishes an incomplete round on purpose; the missing results are told as pending."""

    round: int
    version: int


class WithdrawPublication(CallbackData, prefix="pw"):
    """Takes back the round's published version (a reason is asked next)."""

    round: int
    version: int
