"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from handlers.callback_bounds import Id


class ReportKey(CallbackData, prefix="rk"):
    question: Id


class ResolveReport(CallbackData, prefix="rr"):
    id: Id
