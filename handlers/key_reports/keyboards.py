"""This feature's inline keyboards."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.key_reports import KeyReport
from bot.domain.problems import N_
from bot.texts.texts import Texts
from handlers.key_reports.callbacks import ResolveReport
from handlers.keyboards import button, markup


def resolve_buttons(t: Texts, reports: list[KeyReport]) -> InlineKeyboardMarkup:
    return markup(
        *([button(t(N_("✓ #{id} resolved"), id=r.id), ResolveReport(id=r.id))] for r in reports)
    )
