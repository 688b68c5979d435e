"""Turn reminders and what became of them. Never commits."""

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.reminders import (
    ACKNOWLEDGED,
    AcknowledgedVia,
    Reminder,
    ReminderKind,
    ReminderStatus,
    Tracked,
    Turn,
    TurnAcknowledgement,
)
from storage.inserts import insert_new
from storage.models import ReminderRow, TurnAcknowledgementRow


class SqlReminderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def sync(self, planned: Sequence[Reminder]) -> None:
        """Planned reminders take the new plan; sent and skipped ones are history, untouched."""
        rows = {row.key: row for row in await self._session.scalars(select(ReminderRow))}
        wanted = {reminder.key: reminder for reminder in planned}
        for key, reminder in wanted.items():
            row = rows.get(key)
            if row is None:
                self._session.add(_row(reminder))
            elif row.status == ReminderStatus.PLANNED:
                row.due_at, row.expected_start = reminder.due_at, reminder.expected_start
        stale = [
            row.id
            for key, row in rows.items()
            if key not in wanted and row.status == ReminderStatus.PLANNED
        ]
        if stale:
            await self._session.execute(delete(ReminderRow).where(ReminderRow.id.in_(stale)))
        await self._session.flush()

    async def planned(self) -> list[Tracked]:
        return await self._select(ReminderRow.status == ReminderStatus.PLANNED)

    async def due(self, now: datetime) -> list[Tracked]:
        return await self._select(
            ReminderRow.status == ReminderStatus.PLANNED, ReminderRow.due_at <= now
        )

    async def sent_since(self, moment: datetime) -> list[Tracked]:
        return await self._select(
            ReminderRow.status == ReminderStatus.SENT, ReminderRow.sent_at >= moment
        )

    async def get(self, reminder_id: int) -> Tracked | None:
        row = await self._session.get(ReminderRow, reminder_id)
        return _tracked(row) if row else None

    async def mark(self, reminder_id: int, status: ReminderStatus, now: datetime) -> None:
        sent_at = now if status is ReminderStatus.SENT else None
        await self._session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id)
            .values(status=status, sent_at=sent_at)
        )

    async def mark_all(
        self, reminder_ids: Collection[int], status: ReminderStatus, now: datetime
    ) -> None:
        """`mark` for many reminders in one statement."""
        if not reminder_ids:
            return
        sent_at = now if status is ReminderStatus.SENT else None
        await self._session.execute(
            update(ReminderRow)
            .where(ReminderRow.id.in_(reminder_ids))
            .values(status=status, sent_at=sent_at)
        )

    async def acknowledge(self, reminder_id: int, person_id: int, now: datetime) -> bool:
        """True for the first acknowledgement; later taps change nothing."""
        result = await self._session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id, ReminderRow.acked_at.is_(None))
            .values(acked_at=now, acked_by=person_id)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def awaiting_acknowledgement(self) -> list[Tracked]:
        return await self._select(
            ReminderRow.status == ReminderStatus.SENT,
            ReminderRow.acked_at.is_(None),
            ReminderRow.kind.in_([kind.value for kind in ACKNOWLEDGED]),
        )

    async def escalated(self, reminder_id: int, level: int) -> None:
        await self._session.execute(
            update(ReminderRow).where(ReminderRow.id == reminder_id).values(escalations=level)
        )

    async def of_turn(self, turn: Turn) -> list[Tracked]:
        return await self._select(
            ReminderRow.round_code == turn.round_code,
            ReminderRow.position == turn.position,
            ReminderRow.team_code == turn.team_code,
        )

    async def acknowledge_turn(
        self, turn: Turn, person_id: int, now: datetime, via: AcknowledgedVia
    ) -> bool:
        """True for the turn's first acknowledgement; any later one changes nothing."""
        statement = insert_new(
            self._session, TurnAcknowledgementRow, "round_code", "position", "team_code"
        )
        row = {
            "round_code": turn.round_code,
            "position": turn.position,
            "team_code": turn.team_code,
            "person_id": person_id,
            "at": now,
            "via": via.value,
        }
        result = await self._session.execute(statement.returning(TurnAcknowledgementRow.id), [row])
        return bool(result.all())

    async def acknowledgements(self) -> dict[Turn, TurnAcknowledgement]:
        rows = await self._session.scalars(select(TurnAcknowledgementRow))
        found = {}
        for row in rows:
            turn = Turn(row.round_code, row.position, row.team_code)
            found[turn] = TurnAcknowledgement(turn, row.person_id, row.at, AcknowledgedVia(row.via))
        return found

    async def _select(self, *conditions: ColumnElement[bool]) -> list[Tracked]:
        query = select(ReminderRow).where(*conditions).order_by(ReminderRow.due_at, ReminderRow.id)
        rows = await self._session.scalars(query)
        return [_tracked(row) for row in rows]


def _row(reminder: Reminder) -> ReminderRow:
    return ReminderRow(
        key=reminder.key,
        round_code=reminder.round_code,
        position=reminder.position,
        team_code=reminder.team_code,
        kind=reminder.kind.value,
        lead_minutes=int(reminder.lead.total_seconds() // 60),
        due_at=reminder.due_at,
        expected_start=reminder.expected_start,
        status=ReminderStatus.PLANNED.value,
        escalations=0,
    )


def _tracked(row: ReminderRow) -> Tracked:
    reminder = Reminder(
        row.round_code,
        row.position,
        row.team_code,
        ReminderKind(row.kind),
        row.due_at,
        row.expected_start,
        timedelta(minutes=row.lead_minutes),
    )
    return Tracked(
        row.id, reminder, ReminderStatus(row.status), row.sent_at, row.acked_at, row.escalations
    )
