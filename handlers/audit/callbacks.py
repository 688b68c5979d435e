"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class AuditPage(CallbackData, prefix="au"):
    below: int  # show the entries numbered below this one
