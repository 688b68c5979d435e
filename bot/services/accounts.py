"""Who is writing: the account of a Telegram user, cached, and what it is allowed to do."""

from dataclasses import replace
from datetime import datetime, timedelta

from bot.domain.accounts import Account
from bot.domain.enums import Locale
from bot.domain.snapshot import ContestSnapshot
from bot.domain.viewer import Viewer
from bot.services.ports import Clock, UnitOfWork

ACCOUNT_TTL = timedelta(seconds=30)


class AccountCache:
    """Accounts by Telegram user id. Entries expire, and writers forget the ones they change."""

    def __init__(self, clock: Clock, ttl: timedelta = ACCOUNT_TTL) -> None:
        self._clock = clock
        self._ttl = ttl
        self._entries: dict[int, tuple[datetime, Account | None]] = {}

    def forget(self, telegram_user_id: int) -> None:
        self._entries.pop(telegram_user_id, None)

    async def get(self, uow: UnitOfWork, telegram_user_id: int) -> Account | None:
        now = self._clock.now()
        cached = self._entries.get(telegram_user_id)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        account = await uow.accounts.by_telegram_id(telegram_user_id)
        self._entries[telegram_user_id] = (now, account)
        return account


def resolve_viewer(
    account: Account | None, snapshot: ContestSnapshot | None, fallback: Locale
) -> Viewer:
    person = None
    if account and account.person_id is not None and snapshot is not None:
        person = snapshot.people.get(account.person_id)
    team = (
        snapshot.teams.get(person.team_code) if snapshot and person and person.team_code else None
    )
    default = snapshot.data.contest.default_locale if snapshot else fallback
    locale = (account.locale if account else None) or (person.locale if person else None) or default
    return Viewer(account, person, team, locale)


def private_chat(telegram_user_id: int) -> int:
    """An account's chat: the user's private chat with the bot, which has the user's id in
    Telegram. Never a group the user happened to write from."""
    return telegram_user_id


async def choose_locale(
    uow: UnitOfWork, clock: Clock, telegram_user_id: int, locale: Locale
) -> Account:
    account = await uow.accounts.by_telegram_id(telegram_user_id)
    if account is None:
        account = Account(telegram_user_id, private_chat(telegram_user_id), created_at=clock.now())
    return await uow.accounts.save(replace(account, locale=locale))
