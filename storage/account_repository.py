"""Telegram accounts. Never commits."""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.accounts import Account
from bot.domain.enums import Locale
from storage.inserts import insert_new
from storage.models import AccountRow, InviteFailureRow


class SqlAccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_telegram_id(self, telegram_user_id: int) -> Account | None:
        row = await self._session.scalar(
            select(AccountRow).where(AccountRow.telegram_user_id == telegram_user_id)
        )
        return account_of(row) if row else None

    async def by_person_id(self, person_id: int) -> Account | None:
        row = await self._session.scalar(
            select(AccountRow).where(AccountRow.person_id == person_id)
        )
        return account_of(row) if row else None

    async def save(self, account: Account) -> Account:
        row = await self._session.scalar(
            select(AccountRow).where(AccountRow.telegram_user_id == account.telegram_user_id)
        )
        if row is None:
            row = AccountRow(telegram_user_id=account.telegram_user_id)
            self._session.add(row)
        row.chat_id = account.chat_id
        row.person_id = account.person_id
        row.locale = account.locale.value if account.locale else None
        row.failed_codes = account.failed_codes
        row.failed_since = account.failed_since
        row.blocked_until = account.blocked_until
        row.created_at = account.created_at
        row.bound_at = account.bound_at
        await self._session.flush()
        return account_of(row)

    async def add_new(self, account: Account) -> Account:
        # Two first messages of one user (two instances, or a double tap) both find no account:
        # the unique index on telegram_user_id decides, the later insert waiting for the
        # earlier one's transaction and then adding nothing.
        await self._session.execute(
            insert_new(self._session, AccountRow, "telegram_user_id").values(
                telegram_user_id=account.telegram_user_id,
                chat_id=account.chat_id,
                person_id=account.person_id,
                locale=account.locale.value if account.locale else None,
                failed_codes=account.failed_codes,
                failed_since=account.failed_since,
                blocked_until=account.blocked_until,
                created_at=account.created_at,
                bound_at=account.bound_at,
            )
        )
        row = await self._session.scalar(
            select(AccountRow)
            .where(AccountRow.telegram_user_id == account.telegram_user_id)
            .execution_options(populate_existing=True)
        )
        assert row is not None  # inserted now, or by the transaction it waited for
        return account_of(row)

    async def save_binding(self, account: Account) -> Account | None:
        # The unique index on person_id decides: a concurrent binding of the same person makes
        # this flush wait for it, then fail if it committed. The savepoint keeps the rest of
        # the update's work (the account itself, if new) intact.
        try:
            async with self._session.begin_nested():
                return await self.save(account)
        except IntegrityError:
            return None

    async def bound(self) -> list[Account]:
        rows = await self._session.scalars(
            select(AccountRow).where(AccountRow.person_id.is_not(None)).order_by(AccountRow.id)
        )
        return [account_of(row) for row in rows]

    async def bound_of(self, person_ids: Collection[int]) -> list[Account]:
        """The accounts bound to those of `person_ids` who joined."""
        if not person_ids:
            return []
        rows = await self._session.scalars(
            select(AccountRow).where(AccountRow.person_id.in_(person_ids)).order_by(AccountRow.id)
        )
        return [account_of(row) for row in rows]

    async def bound_person_ids(self) -> set[int]:
        rows = await self._session.scalars(
            select(AccountRow.person_id).where(AccountRow.person_id.is_not(None))
        )
        return {person_id for person_id in rows if person_id is not None}

    async def note_failed_code(self, now: datetime, person_id: int | None = None) -> None:
        """A code bound nothing: it matched no invite, or `person_id`'s invite is taken."""
        self._session.add(InviteFailureRow(at=now, person_id=person_id))
        await self._session.flush()

    async def failed_code_times(
        self, since: datetime, person_id: int | None = None
    ) -> list[datetime]:
        """When codes failed since `since`: all of them, or only those on `person_id`'s."""
        query = select(InviteFailureRow.at).where(InviteFailureRow.at >= since)
        if person_id is not None:
            query = query.where(InviteFailureRow.person_id == person_id)
        return list(await self._session.scalars(query))

    async def forget_failed_codes(self, before: datetime) -> None:
        await self._session.execute(delete(InviteFailureRow).where(InviteFailureRow.at < before))


def account_of(row: AccountRow) -> Account:
    return Account(
        telegram_user_id=row.telegram_user_id,
        chat_id=row.chat_id,
        created_at=row.created_at,
        person_id=row.person_id,
        locale=Locale(row.locale) if row.locale else None,
        failed_codes=row.failed_codes,
        failed_since=row.failed_since,
        blocked_until=row.blocked_until,
        bound_at=row.bound_at,
        id=row.id,
    )
