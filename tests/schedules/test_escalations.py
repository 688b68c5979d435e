"""Escalations follow the live run of the showcase (SC-12345: 20 teams, 8 min each from 13:30).

Leaders and organizers joined; nobody answers unless a test says so. The default chain: the
leader 3 minutes after the turn's first "got it" reminder, the organizers after 6.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.domain.contest import ContestData, Person
from bot.domain.enums import Role
from bot.domain.live import EventKind
from bot.domain.reminders import ReminderPolicy
from bot.services.acknowledgements import acknowledge
from bot.services.check_ins import check_in
from bot.views import BotViews
from storage.database import Database
from storage.models import DeliveryRow, ReminderRow, StageEventRow
from tests.schedules.conftest import ORGANIZERS, SHANGHAI, Stage, leaders, open_stage

SHOWCASE = "SC-12345"
BEFORE = datetime(2024, 9, 26, 12, 20, tzinfo=SHANGHAI)
Script = dict[str, list[tuple[EventKind, int]]]


def at(clock: str) -> datetime:
    hours, minutes = map(int, clock.split(":"))
    return datetime(2024, 9, 26, hours, minutes, tzinfo=SHANGHAI)


def every(minutes: int, first: str = "13:30") -> Script:
    """Turn n called `minutes` after turn n-1; the last one finished `minutes` later."""
    start = at(first)
    script: Script = {}
    for n in range(1, 21):
        moment = start + timedelta(minutes=minutes * (n - 1))
        script.setdefault(moment.strftime("%H:%M"), []).append((EventKind.START, n))
    end = start + timedelta(minutes=minutes * 20)
    script.setdefault(end.strftime("%H:%M"), []).append((EventKind.FINISH, 20))
    return script


def leaders_and_organizers(people: Iterable[Person]) -> list[Person]:
    listed = list(people)
    return leaders(listed) + [p for p in listed if p.role is Role.ORGANIZER]


@dataclass(frozen=True)
class Alert:
    at: datetime
    team: str  # the team the alert is about
    to: str  # the team code of the leader alerted, or ORGANIZERS
    level: int


@pytest.fixture
async def showcase(database: Database, demo_data: ContestData) -> Stage:
    stage = await open_stage(
        database, demo_data, ReminderPolicy(), SHOWCASE, leaders_and_organizers
    )
    stage.clock.moment = BEFORE
    return stage


async def alerts(stage: Stage) -> list[Alert]:
    async with stage.database.unit_of_work() as uow:
        session = uow.reminders._session
        rows = await session.scalars(
            select(DeliveryRow).where(DeliveryRow.dedup_key.contains(":escalation"))
        )
        found = []
        for row in rows:
            _, _, _, team, rest = row.dedup_key.split(":", 4)
            level = int(rest.rsplit("escalation", 1)[1])
            found.append(Alert(row.created_at, team, stage.chats[row.chat_id], level))
    return sorted(found, key=lambda a: (a.at, a.team, a.to))


async def called_at(stage: Stage) -> dict[str | None, datetime]:
    """When each team went on stage."""
    positions: dict[int | None, str | None] = {
        s.position: s.team_code for s in stage.snapshot.data.slots if s.round_code == SHOWCASE
    }
    async with stage.database.unit_of_work() as uow:
        session = uow.reminders._session
        rows = await session.scalars(
            select(StageEventRow).where(
                StageEventRow.round_code == SHOWCASE, StageEventRow.kind == EventKind.START
            )
        )
        return {positions[row.position]: row.at for row in rows}


def team_at(stage: Stage, position: int) -> str:
    return next(
        s.team_code or ""
        for s in stage.snapshot.data.slots
        if s.round_code == SHOWCASE and s.position == position
    )


def leader_of(stage: Stage, position: int) -> Person:
    team = team_at(stage, position)
    return next(p for p in stage.snapshot.members[team] if p.role is Role.LEADER)


async def press_got_it(stage: Stage, position: int) -> None:
    """The leader of the team at `position` taps "got it" under its latest reminder."""
    person = leader_of(stage, position)
    async with stage.database.unit_of_work() as uow:
        session = uow.reminders._session
        reminder_id = await session.scalar(
            select(ReminderRow.id)
            .where(ReminderRow.team_code == person.team_code, ReminderRow.status == "sent")
            .where(ReminderRow.kind.in_(["two_before", "next"]))
            .order_by(ReminderRow.id.desc())
        )
        assert person.id is not None
        assert reminder_id is not None
        await acknowledge(
            uow,
            stage.snapshot,
            reminder_id,
            person,
            9000 + person.id,
            stage.clock.now(),
            BotViews(),
        )
        await uow.commit()


async def check_in_leader(stage: Stage, position: int) -> None:
    person = leader_of(stage, position)
    assert person.id is not None
    async with stage.database.unit_of_work() as uow:
        await check_in(uow, stage.snapshot, person.id, stage.clock.now(), BotViews())
        await uow.commit()


async def test_nobody_is_alerted_about_a_team_already_called(showcase: Stage) -> None:
    """Seen: a quick /live run, and the organizers were alerted about teams that had performed;
    a leader was told nobody had confirmed after "please go on stage"."""
    await showcase.run_until(at("14:40"), every(2))
    called = await called_at(showcase)
    late = [a for a in await alerts(showcase) if a.at >= called[a.team]]
    assert late == []


async def test_a_finished_round_alerts_nobody(showcase: Stage) -> None:
    script: Script = {"13:30": [(EventKind.START, 1)], "13:31": [(EventKind.START, 20)],
                      "13:32": [(EventKind.FINISH, 20)]}  # fmt: skip
    await showcase.run_until(at("14:00"), script)
    assert await alerts(showcase) == []


async def test_an_absent_team_is_not_escalated(showcase: Stage) -> None:
    script: Script = {"13:30": [(EventKind.START, 1)], "13:31": [(EventKind.SKIP, 3)]}
    await showcase.run_until(at("13:50"), script)
    assert team_at(showcase, 3) not in {a.team for a in await alerts(showcase)}
    assert team_at(showcase, 2) in {a.team for a in await alerts(showcase)}  # still waiting


async def test_a_pause_stops_the_escalation_clock(showcase: Stage) -> None:
    script: Script = {"13:30": [(EventKind.START, 1)], "13:31": [(EventKind.PAUSE, 0)],
                      "13:41": [(EventKind.RESUME, 0)]}  # fmt: skip
    await showcase.run_until(at("13:50"), script)
    next_team = team_at(showcase, 2)  # told it is next at 13:30
    times = [(a.level, a.at) for a in await alerts(showcase) if a.team == next_team]
    # 1 minute before the pause, 2 after the resume; the organizers 3 minutes later.
    assert times == [(1, at("13:43")), (2, at("13:46")), (2, at("13:46")), (2, at("13:46")),
                     (2, at("13:46"))]  # fmt: skip


async def test_no_alert_falls_due_while_the_round_is_paused(showcase: Stage) -> None:
    script: Script = {"13:30": [(EventKind.START, 1)], "13:31": [(EventKind.PAUSE, 0)]}
    await showcase.run_until(at("14:30"), script)
    assert await alerts(showcase) == []


async def test_acknowledging_two_before_stops_the_escalation_of_next(showcase: Stage) -> None:
    await showcase.run_until(at("13:31"), {"13:30": [(EventKind.START, 1)]})
    await press_got_it(showcase, 3)  # "two teams before you"
    await showcase.run_until(at("13:55"), {"13:38": [(EventKind.START, 2)]})  # 3 is next
    assert team_at(showcase, 3) not in {a.team for a in await alerts(showcase)}


async def test_a_check_in_acknowledges_the_turn_being_reminded(showcase: Stage) -> None:
    await showcase.run_until(at("13:31"), {"13:30": [(EventKind.START, 1)]})
    await check_in_leader(showcase, 3)
    await showcase.run_until(at("13:55"), {"13:38": [(EventKind.START, 2)]})
    assert team_at(showcase, 3) not in {a.team for a in await alerts(showcase)}


async def test_each_silent_turn_alerts_its_leader_once_and_each_organizer_once(
    showcase: Stage,
) -> None:
    await showcase.run_until(at("16:30"), every(8))
    received: dict[tuple[str, str], int] = {}
    for alert in await alerts(showcase):
        received[alert.team, alert.to] = received.get((alert.team, alert.to), 0) + 1
    assert set(received.values()) == {1, 4}  # the leader once; four organizers, once each
    assert all(count == 1 for (team, to), count in received.items() if to == team)
    assert all(count == 4 for (team, to), count in received.items() if to == ORGANIZERS)
