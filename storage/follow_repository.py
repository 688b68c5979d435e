"""Who follows which track. Never commits."""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.accounts import Account
from storage.account_repository import account_of
from storage.inserts import insert_new
from storage.models import AccountRow, FollowRow


class SqlFollowRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def follow(self, account_id: int, track_code: str, now: datetime) -> bool:
        """True when it is new; following twice changes nothing."""
        statement = insert_new(self._session, FollowRow, "account_id", "track_code")
        row = {"account_id": account_id, "track_code": track_code, "created_at": now}
        result = await self._session.execute(statement.returning(FollowRow.id), [row])
        return bool(result.all())

    async def unfollow(self, account_id: int, track_code: str) -> bool:
        result = await self._session.execute(
            delete(FollowRow).where(
                FollowRow.account_id == account_id, FollowRow.track_code == track_code
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def tracks_of(self, account_id: int) -> set[str]:
        rows = await self._session.scalars(
            select(FollowRow.track_code).where(FollowRow.account_id == account_id)
        )
        return set(rows)

    async def followers(self, track_code: str) -> list[Account]:
        rows = await self._session.scalars(
            select(AccountRow)
            .join(FollowRow, FollowRow.account_id == AccountRow.id)
            .where(FollowRow.track_code == track_code)
            .order_by(AccountRow.id)
        )
        return [account_of(row) for row in rows]
