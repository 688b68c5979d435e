"""What a menu button answers: the same as the command it stands for."""

from datetime import datetime

from aiogram.types import InlineKeyboardMarkup

from bot.domain.commands import Command
from bot.domain.schedule_views import Live
from bot.domain.snapshot import ContestSnapshot
from bot.domain.viewer import Viewer
from bot.texts.answers import day_reply, next_reply, schedule_page
from bot.texts.help import help_text
from bot.texts.texts import Texts
from handlers.schedule.keyboards import schedule_pages


def menu_reply(
    t: Texts,
    snapshot: ContestSnapshot | None,
    viewer: Viewer,
    command: Command,
    now: datetime,
    live: Live,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """/today, /next and /schedule as their commands answer them; help for anything else."""
    if snapshot is not None and command is Command.TODAY:
        return day_reply(t, snapshot, viewer, now, live=live), None
    if snapshot is not None and command is Command.NEXT:
        return next_reply(t, snapshot, viewer, now, live), None
    if snapshot is not None and snapshot.days and command is Command.SCHEDULE:
        page = schedule_page(t, snapshot, viewer, 0, now, live)
        return page, schedule_pages(t, 0, len(snapshot.days))
    return help_text(t, viewer.role), None
