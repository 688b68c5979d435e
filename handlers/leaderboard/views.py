"""What the leaderboard looks like: the board of the track, and the button to join or leave it."""

from aiogram.types import InlineKeyboardMarkup

from bot.domain.problems import N_
from bot.services.leaderboard import Board
from bot.texts.practice_plan import leaderboard_text
from bot.texts.texts import Texts
from handlers.keyboards import button, markup
from handlers.leaderboard.callbacks import LeaderboardButton

JOINED = N_("You joined the board.")
LEFT = N_("You left the board.")


def board_view(t: Texts, board: Board) -> tuple[str, InlineKeyboardMarkup]:
    track = board.track
    text = leaderboard_text(
        t, t.name(track.name, track.name_en), board.places, board.person_id, board.joined
    )
    toggle = (
        button(t(N_("Leave the board")), LeaderboardButton(join=False))
        if board.joined
        else button(t(N_("Join the board")), LeaderboardButton(join=True))
    )
    return text, markup([toggle])
