"""Following a track: its announcements now, its published results later."""

from dataclasses import dataclass
from datetime import datetime

from bot.domain.accounts import Account
from bot.services.onboarding import open_account
from bot.services.ports import Clock, UnitOfWork


@dataclass(frozen=True, slots=True)
class Following:
    tracks: frozenset[str]  # the codes of the tracks followed now
    changed: bool = False  # False when it was so already (a double tap, stale buttons)


async def set_following(
    uow: UnitOfWork, account_id: int, track_code: str, follow: bool, now: datetime
) -> None:
    """The button says which way: pressing it twice leaves the choice as it was pressed."""
    if follow:
        await uow.follows.follow(account_id, track_code, now)
    else:
        await uow.follows.unfollow(account_id, track_code)


async def followed_tracks(
    uow: UnitOfWork, clock: Clock, account: Account | None, telegram_user_id: int
) -> Following:
    """The tracks someone follows; one who has no account yet gets one (anyone may follow)."""
    account_id = await _account_id(uow, clock, account, telegram_user_id)
    return Following(frozenset(await uow.follows.tracks_of(account_id)))


async def choose_following(
    uow: UnitOfWork,
    clock: Clock,
    account: Account | None,
    telegram_user_id: int,
    track_code: str,
    follow: bool,
) -> Following:
    """Follows the track, or stops; the tracks followed afterwards."""
    account_id = await _account_id(uow, clock, account, telegram_user_id)
    before = frozenset(await uow.follows.tracks_of(account_id))
    if (track_code in before) == follow:
        return Following(before)
    await set_following(uow, account_id, track_code, follow, clock.now())
    return Following(frozenset(await uow.follows.tracks_of(account_id)), changed=True)


async def _account_id(
    uow: UnitOfWork, clock: Clock, account: Account | None, telegram_user_id: int
) -> int:
    found = account or await open_account(uow, clock, telegram_user_id)
    if found.id is None:
        raise LookupError(f"the account of Telegram user {telegram_user_id} was never stored")
    return found.id
