"""/leaderboard: this week's practice board of the person's track, and joining or leaving it.
Nobody appears on it without choosing to."""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_
from bot.services.leaderboard import join_leaderboard, leaderboard
from bot.texts.practice_plan import leaderboard_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.leaderboard.callbacks import LeaderboardButton
from handlers.queries import already_handled
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="leaderboard")
    router.message.register(show, IsCommand(Command.LEADERBOARD))
    router.callback_query.register(pressed, LeaderboardButton.filter())
    return router


async def show(message: Message, request: Request) -> None:
    board = await _board(request)
    if board is None:
        await message.answer(request.no_contest())
        return
    await message.answer(board[0], reply_markup=board[1])


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
    t = request.t
    if (await request.work.preferences.get(person.id)).on_leaderboard == callback_data.join:
        await already_handled(query, request)  # a double tap, or a copy gone stale
    else:
        await join_leaderboard(request.work, person.id, callback_data.join, request.now())
        await query.answer(t(N_("You joined the board.") if callback_data.join
                             else N_("You left the board.")))  # fmt: skip
    board = await _board(request)
    if board is not None:
        with suppress(TelegramBadRequest):  # unchanged (a repeated tap)
            await query.message.edit_text(board[0], reply_markup=board[1])


async def _board(request: Request) -> tuple[str, InlineKeyboardMarkup] | None:
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    team = snapshot.teams.get(person.team_code or "") if snapshot and person else None
    track = snapshot.tracks.get(team.track_code) if snapshot and team else None
    if person is None or person.id is None or snapshot is None or track is None:
        return None
    joined = (await request.work.preferences.get(person.id)).on_leaderboard
    places = await leaderboard(request.work, snapshot, track.code, request.now())
    text = leaderboard_text(t, t.name(track.name, track.name_en), places, person.id, joined)
    toggle = (
        button(t(N_("Leave the board")), LeaderboardButton(join=False))
        if joined
        else button(t(N_("Join the board")), LeaderboardButton(join=True))
    )
    return text, markup([toggle])
