"""The daily practice sets on the real scheduler: one named job, looking every minute."""

import asyncio
from datetime import datetime, time, timedelta

from sqlalchemy import select

from bot.services.contest_cache import ContestCache
from bot.services.practice_push import choose_daily
from bot.views import BotViews
from schedules.practice import DAILY_JOB, PracticeJobs
from schedules.reminders import create_scheduler
from storage.models import DeliveryRow
from tests.schedules.conftest import SHANGHAI, Stage, leaders

EXAM_DAY = datetime(2024, 9, 26, 6, 0, tzinfo=SHANGHAI)  # theory exam 08:30-10:00


def practice_jobs(stage: Stage) -> PracticeJobs:
    return PracticeJobs(
        create_scheduler(),
        stage.database.unit_of_work,
        ContestCache(stage.clock),
        stage.clock,
        (),
        BotViews(),
    )


async def choose(stage: Stage, times: dict[str, time]) -> dict[int, str]:
    """Leaders of the teams named choose their daily time; their chats by team."""
    chats = {}
    async with stage.database.unit_of_work() as uow:
        for person in leaders(stage.snapshot.data.people):
            if person.team_code in times and person.id is not None:
                await choose_daily(uow, person.id, times[person.team_code], 3, stage.clock.now())
                chats[9000 + person.id] = person.team_code
        await uow.commit()
    return chats


async def sent_at(stage: Stage) -> dict[int, datetime]:
    async with stage.database.engine.connect() as connection:
        rows = await connection.execute(
            select(DeliveryRow.chat_id, DeliveryRow.created_at).where(
                DeliveryRow.dedup_key.startswith("practice-daily:")
            )
        )
        return {chat: created.astimezone(SHANGHAI) for chat, created in rows}


async def test_a_day_minute_by_minute_sends_each_set_once_and_none_during_the_exam(
    stage: Stage,
) -> None:
    chats = await choose(stage, {"H01": time(7), "H02": time(9), "H03": time(21, 30)})
    jobs = practice_jobs(stage)
    stage.clock.moment = EXAM_DAY
    while stage.clock.moment < EXAM_DAY + timedelta(hours=18):
        await jobs.queue_due()
        stage.clock.moment += timedelta(minutes=1)
    by_team = {
        chats[chat]: moment.strftime("%H:%M") for chat, moment in (await sent_at(stage)).items()
    }
    assert by_team == {"H01": "07:00", "H02": "10:00", "H03": "21:30"}


async def test_the_running_scheduler_looks_at_once_and_under_one_name(stage: Stage) -> None:
    await choose(stage, {"H01": time(7)})
    stage.clock.moment = datetime(2024, 9, 25, 7, 5, tzinfo=SHANGHAI)
    jobs = practice_jobs(stage)
    jobs.start()
    jobs.start()  # a second start replaces the job; it never doubles
    jobs.scheduler.start()
    assert [job.id for job in jobs.scheduler.get_jobs()] == [DAILY_JOB]
    try:
        for _ in range(50):
            await asyncio.sleep(0.1)
            if await sent_at(stage):
                break
    finally:
        await jobs.stop()
        jobs.scheduler.shutdown(wait=False)
    assert len(await sent_at(stage)) == 1
    assert jobs.scheduler.get_jobs() == []
