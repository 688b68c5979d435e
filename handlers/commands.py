"""Every text message through one handler: a command, parsed once, picks its function by name.

Checking a dozen command filters one after the other costs more than the answer itself, so
commands are looked up in a table instead; rights were already checked by the middleware.
"""

from collections.abc import Awaitable, Callable

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.types import Message

from bot.domain.commands import Command
from handlers import (
    arena,
    audit,
    broadcast,
    broadcasts,
    check_in,
    common,
    draws,
    exam,
    follows,
    free_text,
    key_reports,
    leaderboard,
    live,
    organizer,
    practice,
    practice_daily,
    practice_menu,
    results,
    schedule,
    scoring,
    start,
    team_chats,
)
from handlers.fallback import unknown_command
from handlers.filters import HasText
from handlers.practice_gate import GATED, turned_away
from handlers.request import Request

CommandHandler = Callable[[Message, Request], Awaitable[None]]

HANDLERS: dict[str, CommandHandler] = {
    "start": start.start,
    Command.TODAY: schedule.today,
    Command.TOMORROW: schedule.tomorrow,
    Command.SCHEDULE: schedule.schedule,
    Command.NEXT: schedule.next_turn,
    Command.WHERE: schedule.where,
    Command.TEAM: schedule.team,
    Command.CHECKIN: check_in.arrived,
    Command.TEAMCHAT: team_chats.teamchat,
    Command.FOLLOW: follows.show,
    Command.LIVE: live.choose,
    Command.DRAW: draws.commit,
    Command.CHECKINS: check_in.missing,
    Command.SCORE: scoring.start,
    Command.ARENA: arena.start,
    Command.AUDIT: audit.show,
    Command.PRACTICE: practice_menu.start,
    Command.REVIEW: practice.review_due,
    Command.MISTAKES: practice.notebook,
    Command.EXAM: exam.show,
    Command.STATS: practice.show_stats,
    Command.DAILY: practice_daily.show,
    Command.LEADERBOARD: leaderboard.show,
    Command.REPORTS: key_reports.inbox,
    Command.PUBLISH: results.choose,
    Command.STANDINGS: results.draft,
    Command.ONBOARDING: organizer.onboarding,
    Command.UNBIND: organizer.release,
    Command.BROADCAST: broadcast.start,
    Command.BROADCASTS: broadcasts.show_list,
    Command.LANGUAGE: common.ask_language,
    Command.HELP: common.show_help,
    Command.CANCEL: common.cancel,
}


def create_router() -> Router:
    """All text: a command goes to its function, anything else is a question or a dialogue's
    answer. One router and one check for both keeps the most frequent updates cheap."""
    router = Router(name="text")
    router.message.register(on_text, HasText())
    return router


async def on_text(message: Message, request: Request, command_name: str | None = None) -> None:
    if command_name is None:
        if message.chat.type != ChatType.PRIVATE:
            return  # talk among a team's members in their group is not addressed to the bot
        await free_text.question(message, request)
        return
    if command_name in GATED and await turned_away(message, request):
        return
    await HANDLERS.get(command_name, unknown_command)(message, request)
