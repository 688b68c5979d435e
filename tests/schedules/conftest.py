"""A preliminary round run minute by minute on a fake clock, through the real reminder jobs."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.domain.accounts import Account
from bot.domain.contest import ContestData, Person
from bot.domain.live import EventKind, StageEvent
from bot.domain.reminders import ReminderPolicy
from bot.domain.snapshot import ContestSnapshot
from bot.services.contest_cache import ContestCache
from bot.services.live import record
from bot.views import BotViews
from schedules.reminders import ReminderJobs, create_scheduler
from storage.database import Database
from storage.models import DeliveryRow
from tests.fakes.clock import FakeClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROUND = "AR-12345"  # arena preliminary: 20 teams of track 12345, 10 min each from 08:30
ORGANIZERS = "organizers"
START = datetime(2024, 9, 27, 7, 0, tzinfo=SHANGHAI)


@dataclass
class Stage:
    """The round as organizers and the reminder jobs live it, one minute at a time."""

    database: Database
    clock: FakeClock
    jobs: ReminderJobs
    snapshot: ContestSnapshot
    chats: dict[int, str] = field(default_factory=dict)  # chat id → team code (or ORGANIZERS)
    round_code: str = ROUND

    async def record(self, kind: EventKind, position: int | None = None, minutes: int = 0) -> None:
        event = StageEvent(kind, self.clock.now(), position, minutes or None)
        async with self.database.unit_of_work() as uow:
            await record(uow, self.snapshot, self.round_code, event, None)
            await uow.commit()
        await self.jobs.resync()

    async def run_until(
        self, end: datetime, script: dict[str, list[tuple[EventKind, int]]] | None = None
    ) -> None:
        """Minute by minute: the script's events (keyed 'HH:MM'), the periodic resync, due jobs."""
        script = script or {}
        while self.clock.moment <= end:
            for kind, argument in script.get(self.clock.moment.strftime("%H:%M"), []):
                if kind is EventKind.DELAY:
                    await self.record(kind, minutes=argument)
                else:
                    await self.record(kind, argument or None)
            await self.jobs.resync()
            await self.jobs.tick()
            self.clock.moment += timedelta(minutes=1)

    async def texts(self, position: int) -> list[str]:
        """What the leader of the team at `position` was sent, in order."""
        team = next(
            s.team_code for s in self.snapshot.data.slots
            if s.round_code == self.round_code and s.position == position
        )  # fmt: skip
        chat = next(chat for chat, code in self.chats.items() if code == team)
        async with self.database.unit_of_work() as uow:
            session = uow.reminders._session
            query = select(DeliveryRow.text).where(DeliveryRow.chat_id == chat)
            return list(await session.scalars(query.order_by(DeliveryRow.id)))

    async def received(self) -> dict[str, list[str]]:
        """Per team, the kinds of reminder its leader got, in order ('lead60', 'next', …)."""
        async with self.database.unit_of_work() as uow:
            session = uow.reminders._session
            rows = await session.scalars(select(DeliveryRow).order_by(DeliveryRow.id))
            found: dict[str, list[str]] = defaultdict(list)
            for row in rows:
                found[self.chats[row.chat_id]].append(row.dedup_key.rsplit(":", 1)[-1])
        return dict(found)


async def open_stage(
    database: Database,
    data: ContestData,
    policy: ReminderPolicy,
    round_code: str = ROUND,
    joined: Callable[[Iterable[Person]], list[Person]] | None = None,
) -> Stage:
    """The contest loaded, the `joined` people (by default the leaders) bound to chats."""
    async with database.unit_of_work() as uow:
        await uow.contest.replace(data)
        loaded = await uow.contest.load()
        assert loaded is not None
        chats = {}
        for person in (joined or leaders)(loaded.people):
            assert person.id is not None
            chat = 9000 + person.id
            await uow.accounts.save(Account(chat, chat, START, person_id=person.id))
            chats[chat] = person.team_code or ORGANIZERS
        await uow.commit()
    clock = FakeClock(START)
    jobs = ReminderJobs(
        create_scheduler(), database.unit_of_work, ContestCache(clock), clock, policy, BotViews()
    )
    return Stage(database, clock, jobs, ContestSnapshot.build(loaded, 1), chats, round_code)


def leaders(people: Iterable[Person]) -> list[Person]:
    """The leaders of track 12345's teams (H01-L … H20-L)."""
    return [p for p in people if p.code.startswith("H") and p.code.endswith("-L")]


@pytest.fixture
async def stage(database: Database, demo_data: ContestData) -> Stage:
    return await open_stage(database, demo_data, ReminderPolicy(escalate_after=()))
