"""The invite-code limits all accounts share (bot/domain/invite_limits.py), kept in the store."""

from datetime import datetime

from bot.domain.invite_limits import OVERALL, PER_CODE, REMEMBERED
from bot.services.ports import UnitOfWork


async def closed_for_everyone(uow: UnitOfWork, now: datetime) -> datetime | None:
    """Until when no code is checked, after too many failed codes overall; None when open."""
    return OVERALL.closed_until(await uow.accounts.failed_code_times(now - OVERALL.window), now)


async def closed_for_invite(uow: UnitOfWork, person_id: int, now: datetime) -> datetime | None:
    """Until when attempts on `person_id`'s invite (another account holds it) go unanswered."""
    times = await uow.accounts.failed_code_times(now - PER_CODE.window, person_id)
    return PER_CODE.closed_until(times, now)


async def note_failed_code(uow: UnitOfWork, now: datetime, person_id: int | None = None) -> None:
    await uow.accounts.forget_failed_codes(before=now - REMEMBERED)
    await uow.accounts.note_failed_code(now, person_id)
