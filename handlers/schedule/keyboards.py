"""This feature's inline keyboards."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.problems import N_
from bot.texts.texts import Texts
from handlers.keyboards import button
from handlers.schedule.callbacks import SchedulePage


def schedule_pages(t: Texts, day: int, days: int) -> InlineKeyboardMarkup | None:
    row = []
    if day > 0:
        row.append(button(t(N_("◀ Previous day")), SchedulePage(day=day - 1)))
    if day < days - 1:
        row.append(button(t(N_("Next day ▶")), SchedulePage(day=day + 1)))
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None
