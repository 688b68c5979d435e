"""Team group chats. Never commits."""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.groups import TeamChat
from storage.models import TeamChatRow


class SqlTeamChatRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def link(self, chat: TeamChat, linked_by: int | None, now: datetime) -> None:
        """A group serves one team; linking it again moves it to the new team."""
        row = await self._session.scalar(
            select(TeamChatRow).where(TeamChatRow.chat_id == chat.chat_id)
        )
        if row is None:
            row = TeamChatRow(chat_id=chat.chat_id)
            self._session.add(row)
        row.team_code, row.title, row.linked_by, row.linked_at = (
            chat.team_code,
            chat.title,
            linked_by,
            now,
        )
        await self._session.flush()

    async def unlink(self, chat_id: int) -> bool:
        result = await self._session.execute(
            delete(TeamChatRow).where(TeamChatRow.chat_id == chat_id)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def get(self, chat_id: int) -> TeamChat | None:
        row = await self._session.scalar(select(TeamChatRow).where(TeamChatRow.chat_id == chat_id))
        return _chat(row) if row else None

    async def of_teams(self, team_codes: Collection[str]) -> list[TeamChat]:
        rows = await self._session.scalars(
            select(TeamChatRow)
            .where(TeamChatRow.team_code.in_(list(team_codes)))
            .order_by(TeamChatRow.team_code, TeamChatRow.id)
        )
        return [_chat(row) for row in rows]


def _chat(row: TeamChatRow) -> TeamChat:
    return TeamChat(row.chat_id, row.team_code, row.title)
