"""Pictures the bot made, with the id Telegram gave each once uploaded. Never commits."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import MediaRow


class SqlMediaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, content: bytes, filename: str, now: datetime) -> int:
        row = MediaRow(content=content, filename=filename, file_id=None, created_at=now)
        self._session.add(row)
        await self._session.flush()
        return row.id

    async def get(self, media_id: int) -> tuple[bytes, str, str | None] | None:
        """(content, file name, Telegram's file id once uploaded)."""
        row = await self._session.get(MediaRow, media_id)
        return (row.content, row.filename, row.file_id) if row else None

    async def remember(self, media_id: int, file_id: str) -> None:
        row = await self._session.get(MediaRow, media_id)
        if row is not None and row.file_id is None:
            row.file_id = file_id
