"""The scheduler's jobs mirror the planned reminders: deterministic ids, rebuilt, never doubled."""

import asyncio
from datetime import UTC, datetime, timedelta

from bot.domain.live import EventKind
from bot.domain.reminders import ReminderPolicy
from bot.services.clock import RehearsalClock
from bot.services.contest_cache import ContestCache
from bot.views import BotViews
from schedules.reminders import ReminderJobs, create_scheduler
from tests.schedules.conftest import SHANGHAI, Stage


async def test_every_planned_reminder_has_one_job_named_after_it(stage: Stage) -> None:
    await stage.jobs.resync()
    async with stage.database.unit_of_work() as uow:
        planned = await uow.reminders.planned()
    assert set(stage.jobs.jobs()) == {f"reminder:{t.id}" for t in planned}
    assert len(planned) == 40 * 3  # 60, 30, 15 min before each turn of both arena rounds


async def test_resyncing_again_changes_no_job(stage: Stage) -> None:
    await stage.jobs.resync()
    before = stage.jobs.jobs()
    await stage.jobs.resync()
    assert stage.jobs.jobs() == before


async def test_a_sent_reminder_loses_its_job(stage: Stage) -> None:
    await stage.run_until(datetime(2024, 9, 27, 7, 30, tzinfo=SHANGHAI))
    async with stage.database.unit_of_work() as uow:
        sent = [t for t in await uow.reminders.planned() if t.reminder.key.endswith("lead60")]
    assert len(sent) == 38  # the first turns' of both rounds went at 07:30
    assert len(stage.jobs.jobs()) == 40 * 3 - 2


async def test_an_unacknowledged_next_gets_escalation_jobs(stage: Stage) -> None:
    stage.jobs.policy = ReminderPolicy()  # with the default chain: leader at 3, organizers at 6
    await stage.run_until(datetime(2024, 9, 27, 8, 29, tzinfo=SHANGHAI))
    await stage.record(EventKind.START, 1)
    await stage.jobs.tick()
    escalations = [job for job in stage.jobs.jobs() if job.startswith("escalation:")]
    assert len(escalations) == 2  # turn 2 (next) and turn 3 (two before), first step each


async def test_a_rehearsal_at_ten_times_speed_runs_jobs_ten_times_sooner(stage: Stage) -> None:
    clock = RehearsalClock(datetime(2024, 9, 27, 7, 0, tzinfo=SHANGHAI), speed=10)
    jobs = ReminderJobs(
        create_scheduler(), stage.database.unit_of_work, ContestCache(clock), clock,
        ReminderPolicy(leads=(timedelta(minutes=15),)), BotViews(),
    )  # fmt: skip
    before = datetime.now(UTC)
    await jobs.resync()
    first = min(jobs.jobs().values())
    # Turn 1's reminder is due at 08:15 contest time: 75 minutes ahead, 7.5 real minutes.
    assert timedelta(minutes=7) < first - before < timedelta(minutes=8)


async def test_the_running_scheduler_fires_a_due_reminder_on_its_own(stage: Stage) -> None:
    clock = RehearsalClock(datetime(2024, 9, 27, 8, 14, 59, tzinfo=SHANGHAI))
    jobs = ReminderJobs(
        create_scheduler(), stage.database.unit_of_work, ContestCache(clock), clock,
        ReminderPolicy(leads=(timedelta(minutes=15),), escalate_after=()), BotViews(),
    )  # fmt: skip
    jobs.start()
    try:
        for _ in range(50):  # the reminder is due one second after the start
            await asyncio.sleep(0.1)
            if await stage.received():
                break
    finally:
        await jobs.stop()
    assert set(map(tuple, (await stage.received()).values())) == {("lead15",)}
