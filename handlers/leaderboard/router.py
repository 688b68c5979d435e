"""/leaderboard: this week's practice board of the person's track, and joining or leaving it.
Nobody appears on it without choosing to."""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.services.leaderboard import board, choose_board
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.leaderboard.callbacks import LeaderboardButton
from handlers.leaderboard.views import JOINED, LEFT, board_view
from handlers.queries import already_handled
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="leaderboard")
    router.message.register(show, IsCommand(Command.LEADERBOARD))
    router.callback_query.register(pressed, LeaderboardButton.filter())
    return router


async def show(message: Message, request: Request) -> None:
    person, snapshot = request.viewer.person, request.snapshot
    found = None
    if person is not None and snapshot is not None:
        found = await request.call(board, snapshot, person, request.now())
    if found is None:
        await message.answer(request.no_contest())
        return
    text, buttons = board_view(request.t, found)
    await message.answer(text, reply_markup=buttons)


async def pressed(query: CallbackQuery, callback_data: LeaderboardButton, request: Request) -> None:
    person = request.viewer.person
    if (
        person is None
        or person.id is None
        or not allowed(request.viewer.role, Command.LEADERBOARD)
        or not isinstance(query.message, Message)
    ):
        await stale_button(query, request)
        return
    chosen = await request.call(
        choose_board, request.snapshot, person, callback_data.join, request.now()
    )
    if not chosen.changed:
        await already_handled(query, request)  # a double tap, or a copy gone stale
    else:
        await query.answer(request.t(JOINED if callback_data.join else LEFT))
    if chosen.board is not None:
        text, buttons = board_view(request.t, chosen.board)
        with suppress(TelegramBadRequest):  # unchanged (a repeated tap)
            await query.message.edit_text(text, reply_markup=buttons)
