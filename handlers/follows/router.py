"""/follow: anyone who started the bot can follow a track's announcements and results."""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command
from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.services.follows import Following, choose_following, followed_tracks
from bot.texts.texts import Texts
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.follows.callbacks import FollowButton
from handlers.follows.keyboards import follow_buttons
from handlers.queries import already_handled
from handlers.request import Request

FOLLOWED = N_("You now follow {track}.")
UNFOLLOWED = N_("You no longer follow {track}.")


def create_router() -> Router:
    router = Router(name="follows")
    router.message.register(show, IsCommand(Command.FOLLOW))
    router.callback_query.register(pressed, FollowButton.filter())
    return router


async def show(message: Message, request: Request) -> None:
    if request.snapshot is None or message.from_user is None:
        await message.answer(request.no_contest())
        return
    following = await request.call(
        followed_tracks, request.app.clock, request.viewer.account, message.from_user.id
    )
    await message.answer(
        request.t(N_("Which tracks do you follow? You get their announcements and, once "
                     "published, their results. Tap to follow or to stop (✓ = following).")),
        reply_markup=_buttons(request.t, request.snapshot, following),
    )  # fmt: skip


async def pressed(query: CallbackQuery, callback_data: FollowButton, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    tracks = list(snapshot.tracks.values()) if snapshot else []
    if (
        snapshot is None
        or not 0 <= callback_data.track < len(tracks)
        or not isinstance(query.message, Message)
    ):
        await stale_button(query, request)
        return
    track = tracks[callback_data.track]
    following = await request.call(
        choose_following, request.app.clock, request.viewer.account, query.from_user.id,
        track.code, callback_data.follow,
    )  # fmt: skip
    if not following.changed:  # a double tap, or a copy of the buttons gone stale
        await already_handled(query, request)
    else:
        name = t.name(track.name, track.name_en)
        await query.answer(t(FOLLOWED if callback_data.follow else UNFOLLOWED, track=name))
    with suppress(TelegramBadRequest):  # the same markup again (a repeated tap)
        await query.message.edit_reply_markup(reply_markup=_buttons(t, snapshot, following))


def _buttons(t: Texts, snapshot: ContestSnapshot, following: Following) -> InlineKeyboardMarkup:
    return follow_buttons(
        [(t.name(track.name, track.name_en), track.code in following.tracks)
         for track in snapshot.tracks.values()]
    )  # fmt: skip
