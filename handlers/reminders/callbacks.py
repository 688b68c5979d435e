"""Callback data of this feature's buttons: ids only; handlers re-check everything."""

from aiogram.filters.callback_data import CallbackData

from bot.domain.reminders import ACKNOWLEDGE_PREFIX, CHECK_IN_DATA
from handlers.callback_bounds import Id


class AcknowledgeButton(CallbackData, prefix=ACKNOWLEDGE_PREFIX):
    """ "Got it" under a turn reminder (the reminder service writes the same data)."""

    reminder: Id


class CheckInButton(CallbackData, prefix=CHECK_IN_DATA):
    """ "I have arrived" under an early reminder: checks in whoever presses it."""
