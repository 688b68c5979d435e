"""Broadcast reports and audience options as messages and button labels."""

from collections.abc import Mapping
from datetime import datetime

from aiogram.types import InlineKeyboardMarkup

from bot.domain.snapshot import ContestSnapshot
from bot.services.broadcast_reports import BroadcastReport
from bot.services.broadcasts import Preview
from bot.texts.broadcasts import audience_name, list_text, option_label, report_text
from bot.texts.texts import Texts
from handlers.broadcast.keyboards import broadcast_buttons


def audience_labels(
    t: Texts, snapshot: ContestSnapshot, options: list[str], counted: Mapping[str, Preview]
) -> list[str]:
    """Each option's name, with how many have joined / how many it names when it is counted."""
    labels = []
    for key in options:
        name = audience_name(t, snapshot, key)
        found = counted.get(key)
        labels.append(option_label(name, found.people, found.reachable) if found else name)
    return labels


def report_view(
    t: Texts, snapshot: ContestSnapshot | None, found: BroadcastReport, now: datetime
) -> str:
    return report_text(t, snapshot, found.broadcast, found.counts, now)


def list_view(
    t: Texts, snapshot: ContestSnapshot | None, reports: list[BroadcastReport], now: datetime
) -> str:
    return list_text(t, [report_view(t, snapshot, found, now) for found in reports])


def report_buttons(t: Texts, reports: list[BroadcastReport]) -> InlineKeyboardMarkup | None:
    """Report for each, and Cancel for those with something still to go."""
    return broadcast_buttons(t, [(found.broadcast.id, found.pending) for found in reports])
