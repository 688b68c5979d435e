"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData


class ReportKey(CallbackData, prefix="rk"):
    question: int


class ResolveReport(CallbackData, prefix="rr"):
    id: int
