"""Following a track: its announcements now, its published results later."""

from datetime import datetime

from bot.services.ports import UnitOfWork


async def set_following(
    uow: UnitOfWork, account_id: int, track_code: str, follow: bool, now: datetime
) -> None:
    """The button says which way: pressing it twice leaves the choice as it was pressed."""
    if follow:
        await uow.follows.follow(account_id, track_code, now)
    else:
        await uow.follows.unfollow(account_id, track_code)
