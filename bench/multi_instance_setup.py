"""The multi-instance bench's data: a fresh PostgreSQL database and Redis db, the demo contest
with synthetic people added so that more than it holds can join, a burst of reminders, and the
outbox as it ends up."""

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis.asyncio as redis
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url

from bot.domain.enums import Role
from bot.domain.invites import ALPHABET, LENGTH
from bot.domain.outbox import NewDelivery, Priority, Status
from storage.database import Database
from storage.engine import create_engine
from storage.models import AccountRow, DeliveryRow, PersonRow, TeamRow

SYNTHETIC_PREFIX = "BENCH"
REMINDER_KEY = "reminder-burst:"
UNFINISHED = (Status.PENDING.value, Status.SENDING.value)


@dataclass(frozen=True, slots=True)
class Invitee:
    person_id: int
    invite_code: str
    team_code: str | None


async def fresh_postgres(url: str) -> None:
    """Drops and creates the database the SQLAlchemy URL names (it must be the bench's own)."""
    parsed = make_url(url)
    name = parsed.database
    assert name, "the database URL names no database"
    admin = parsed.set(database="postgres").render_as_string(hide_password=False)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()


async def fresh_redis(url: str) -> None:
    client = redis.Redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


def synthetic_code(number: int) -> str:
    """An invite code in the badge alphabet, unlike any the import draws (those are random)."""
    digits = ""
    while len(digits) < LENGTH - 1:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return "Z" + digits


async def add_synthetic_people(database: Database, count: int) -> None:
    """Auditors without a team: people of the contest, so `everyone` reaches them, whom no
    team's reminders or judging concern."""
    rows: list[dict[str, Any]] = [
        {"code": f"{SYNTHETIC_PREFIX}{n:04d}", "name": f"压测用户{n}", "role": Role.AUDITOR.value,
         "team_id": None, "seat": None, "invite_code": synthetic_code(n), "locale": None,
         "judge_tracks": [], "judge_rounds": []}
        for n in range(1, count + 1)
    ]  # fmt: skip
    if rows:
        async with database.engine.begin() as connection:
            await connection.execute(insert(PersonRow), rows)


async def invitees(database: Database) -> list[Invitee]:
    """Everyone who can join, the demo's people first."""
    statement = (
        select(PersonRow.id, PersonRow.invite_code, TeamRow.code)
        .outerjoin(TeamRow, PersonRow.team_id == TeamRow.id)
        .order_by(PersonRow.id)
    )
    async with database.engine.connect() as connection:
        rows = (await connection.execute(statement)).all()
    return [Invitee(person_id, code, team) for person_id, code, team in rows]


async def bound_chats(database: Database) -> dict[int, int]:
    """person id -> chat of the account bound to them."""
    statement = select(AccountRow.person_id, AccountRow.chat_id).where(
        AccountRow.person_id.is_not(None)
    )
    async with database.engine.connect() as connection:
        return {p: c for p, c in (await connection.execute(statement)).all() if p is not None}


def reminder_text(team_code: str) -> str:
    return f"#bench ⏰ {team_code} 队请注意：15 分钟后轮到你们上场，请到候场区。"


async def queue_reminder_burst(
    database: Database, teams: dict[str, list[int]], now: datetime | None = None
) -> list[NewDelivery]:
    """One reminder per team to each member who joined, queued as the reminder jobs queue
    them: at reminder priority, one dedup key per team and turn, all due at once (as when a
    round's start moves and every team's lead time has passed)."""
    deliveries = [
        NewDelivery(f"{REMINDER_KEY}{team}", chat, reminder_text(team), Priority.REMINDER)
        for team, chats in sorted(teams.items())
        for chat in chats
    ]
    async with database.unit_of_work() as uow:
        await uow.outbox.enqueue(deliveries, now or datetime.now(UTC))
        await uow.commit()
    return deliveries


async def outbox_deliveries(database: Database) -> list[tuple[str, int, str, str]]:
    """(dedup key, chat, text, status) of every delivery."""
    statement = select(DeliveryRow.dedup_key, DeliveryRow.chat_id, DeliveryRow.text,
                       DeliveryRow.status)  # fmt: skip
    async with database.engine.connect() as connection:
        return [(k, c, t, s) for k, c, t, s in (await connection.execute(statement)).all()]


async def outbox_statuses(database: Database) -> Counter[str]:
    statement = select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)
    async with database.engine.connect() as connection:
        return Counter({s: n for s, n in (await connection.execute(statement)).all()})
