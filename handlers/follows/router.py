"""/follow: anyone who started the bot can follow a track's announcements and results."""

from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.accounts import Account
from bot.domain.commands import Command
from bot.domain.problems import N_
from bot.services.follows import set_following
from bot.services.onboarding import open_account
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
    account = await _account(request, message.from_user.id, message.chat.id)
    await message.answer(
        request.t(N_("Which tracks do you follow? You get their announcements and, once "
                     "published, their results. Tap to follow or to stop (✓ = following).")),
        reply_markup=await _buttons(request, account),
    )  # fmt: skip


async def pressed(query: CallbackQuery, callback_data: FollowButton, request: Request) -> None:
    tracks = list(request.snapshot.tracks.values()) if request.snapshot else []
    if not 0 <= callback_data.track < len(tracks) or not isinstance(query.message, Message):
        await stale_button(query, request)
        return
    track, t = tracks[callback_data.track], request.t
    account = await _account(request, query.from_user.id, query.message.chat.id)
    assert account.id is not None
    following = track.code in await request.work.follows.tracks_of(account.id)
    if following == callback_data.follow:  # a double tap, or a copy of the buttons gone stale
        await already_handled(query, request)
    else:
        await set_following(
            request.work, account.id, track.code, callback_data.follow, request.now()
        )
        name = t.name(track.name, track.name_en)
        await query.answer(t(FOLLOWED if callback_data.follow else UNFOLLOWED, track=name))
    with suppress(TelegramBadRequest):  # the same markup again (a repeated tap)
        await query.message.edit_reply_markup(reply_markup=await _buttons(request, account))


async def _account(request: Request, user_id: int, chat_id: int) -> Account:
    account = request.viewer.account
    return account or await open_account(request.work, request.app.clock, user_id, chat_id)


async def _buttons(request: Request, account: Account) -> InlineKeyboardMarkup:
    assert request.snapshot is not None
    assert account.id is not None
    followed = await request.work.follows.tracks_of(account.id)
    t = request.t
    return follow_buttons(
        [(t.name(track.name, track.name_en), track.code in followed)
         for track in request.snapshot.tracks.values()]
    )  # fmt: skip
