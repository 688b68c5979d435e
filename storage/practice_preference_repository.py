"""Practice opt-ins, one row per person. Never commits."""

from datetime import date, datetime, time

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.practice_plan import DEFAULT_DAILY_COUNT, PracticePreferences
from storage.inserts import insert_new
from storage.models import PracticePreferenceRow


class SqlPracticePreferenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, person_id: int) -> PracticePreferences:
        """Their choices, or the defaults (no daily set, not on the board)."""
        row = await self._session.scalar(
            select(PracticePreferenceRow).where(PracticePreferenceRow.person_id == person_id)
        )
        return _preferences(row) if row else PracticePreferences(person_id)

    async def save(self, preferences: PracticePreferences, now: datetime) -> None:
        values = {
            "daily_minute": _minute(preferences.daily_at),
            "daily_count": preferences.daily_count,
            "on_leaderboard": preferences.on_leaderboard,
            "updated_at": now,
        }
        # Insert-if-absent, then update: two taps at once cannot both insert.
        statement = insert_new(self._session, PracticePreferenceRow, "person_id")
        await self._session.execute(statement, [{"person_id": preferences.person_id, **values}])
        await self._session.execute(
            update(PracticePreferenceRow)
            .where(PracticePreferenceRow.person_id == preferences.person_id)
            .values(**values)
        )

    async def mark_daily_sent(self, person_id: int, day: date) -> None:
        await self._session.execute(
            update(PracticePreferenceRow)
            .where(PracticePreferenceRow.person_id == person_id)
            .values(daily_sent_on=day)
        )

    async def daily(self) -> list[PracticePreferences]:
        """Everyone who asked for a daily set."""
        rows = await self._session.scalars(
            select(PracticePreferenceRow)
            .where(PracticePreferenceRow.daily_minute.is_not(None))
            .order_by(PracticePreferenceRow.person_id)
        )
        return [_preferences(row) for row in rows]

    async def on_leaderboard(self) -> set[int]:
        rows = await self._session.scalars(
            select(PracticePreferenceRow.person_id).where(PracticePreferenceRow.on_leaderboard)
        )
        return set(rows)


def _minute(moment: time | None) -> int | None:
    return None if moment is None else moment.hour * 60 + moment.minute


def _preferences(row: PracticePreferenceRow) -> PracticePreferences:
    minute = row.daily_minute
    return PracticePreferences(
        person_id=row.person_id,
        daily_at=None if minute is None else time(minute // 60, minute % 60),
        daily_count=row.daily_count or DEFAULT_DAILY_COUNT,
        on_leaderboard=row.on_leaderboard,
        daily_sent_on=row.daily_sent_on,
    )
