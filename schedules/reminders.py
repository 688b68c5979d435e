"""Turn reminders on APScheduler: one date job per planned reminder and per pending escalation.

The jobs are never the truth: the database is. `resync()` plans again from the contest and the
stage events, stores the plan, and makes the scheduler's jobs match it (deterministic ids, so
doing it twice changes nothing). It runs at start-up, after every live event, and every minute
(which also catches imports made by the CLI in another process). Every job runs `tick()`, which
sends whatever is due; the outbox's keys make sure a reminder reaches a chat once. Escalation
jobs follow the live run too: a turn acknowledged, called, done or absent, or a round over or
paused, has none (a resume is a live event, so the resync after it plans them again).
"""

import asyncio
import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.domain.reminders import ReminderPolicy, Tracked
from bot.services.contest_cache import ContestCache
from bot.services.ports import Clock, ReminderViews, UnitOfWorkFactory
from bot.services.reminders import (
    Escalation,
    deliver_due,
    escalate_due,
    pending_escalations,
    resync,
)

log = logging.getLogger(__name__)
REMINDER_JOB = "reminder:{id}"
ESCALATION_JOB = "escalation:{id}:{level}"
RESYNC_JOB = "reminders:resync"
RESYNC_EVERY = timedelta(minutes=1)
OURS = ("reminder:", "escalation:")


def create_scheduler() -> AsyncIOScheduler:
    return AsyncIOScheduler(timezone=UTC)


class ReminderJobs:
    def __init__(
        self,
        scheduler: AsyncIOScheduler,
        unit_of_work: UnitOfWorkFactory,
        contests: ContestCache,
        clock: Clock,
        policy: ReminderPolicy,
        views: ReminderViews,
    ) -> None:
        self.scheduler = scheduler
        self._unit_of_work = unit_of_work
        self._contests = contests
        self._clock = clock
        self.policy = policy
        self._views = views
        # Planning and sending take turns: both read and write the reminders.
        self._turn = asyncio.Lock()
        self._tick_waiting = False

    def start(self) -> None:
        self.scheduler.add_job(
            self.resync, "interval", seconds=RESYNC_EVERY.total_seconds(), id=RESYNC_JOB,
            replace_existing=True, next_run_time=datetime.now(UTC),
        )  # fmt: skip
        self.scheduler.start()

    async def stop(self) -> None:
        """Waits for the turn in progress, so no transaction is cut off half-way."""
        async with self._turn:
            if self.scheduler.running:
                self.scheduler.shutdown(wait=False)

    async def resync(self) -> None:
        async with self._turn, self._unit_of_work() as uow:
            snapshot = await self._contests.get(uow)
            if snapshot is None:
                return
            now = self._clock.now()
            planned = await resync(uow, snapshot, now, self.policy)
            waiting = await pending_escalations(uow, snapshot, now, self.policy)
            await uow.commit()
        self._match_jobs(planned, waiting)

    async def tick(self) -> None:
        """Sends the reminders and escalations that are due; what is sent is recorded as such.

        Many jobs fall due together; one tick waiting for its turn is enough, since it reads the
        clock once it has the turn and sends everything due by then.
        """
        if self._tick_waiting:
            return
        self._tick_waiting = True
        try:
            async with self._turn:
                self._tick_waiting = False
                await self._send_due()
        finally:
            self._tick_waiting = False

    async def _send_due(self) -> None:
        async with self._unit_of_work() as uow:
            snapshot = await self._contests.get(uow)
            if snapshot is None:
                return
            now = self._clock.now()
            handled = await deliver_due(uow, snapshot, now, self._views)
            await escalate_due(uow, snapshot, now, self.policy, self._views)
            waiting = await pending_escalations(uow, snapshot, now, self.policy)
            await uow.commit()
        # Only the reminders just handled and the escalation steps change here; the planned
        # reminders are matched by the resync, so a tick stays cheap however many are planned.
        for reminder_id in handled:
            job = self.scheduler.get_job(REMINDER_JOB.format(id=reminder_id))
            if job is not None:
                job.remove()
        # What fell due meanwhile has a job that fired, so a tick is already on its way.
        wanted = _escalation_times(waiting)
        self._match(wanted, "escalation:", keep_from=self._clock.now())

    def jobs(self) -> dict[str, datetime]:
        """Our jobs and when they run (wall-clock time), by id. Before the scheduler starts, its
        jobs are pending and only their trigger knows the time."""
        return {
            job.id: getattr(job, "next_run_time", None) or job.trigger.run_date
            for job in self.scheduler.get_jobs()
            if job.id.startswith(OURS)
        }

    def _match_jobs(
        self,
        planned: Iterable[Tracked],
        waiting: Iterable[Escalation],
        keep_from: datetime | None = None,
    ) -> None:
        """Adds, moves and removes jobs to match the reminders and the escalation steps the
        live run still allows; with `keep_from`, those due before it get no new job (one that
        fired is being handled)."""
        wanted = {REMINDER_JOB.format(id=t.id): t.reminder.due_at for t in planned}
        wanted |= _escalation_times(waiting)
        self._match(wanted, OURS, keep_from)

    def _match(
        self, wanted: dict[str, datetime], kinds: str | tuple[str, ...], keep_from: datetime | None
    ) -> None:
        """Makes our jobs whose ids start with `kinds` those `wanted`, by id and due time."""
        existing = {job_id: at for job_id, at in self.jobs().items() if job_id.startswith(kinds)}
        for job_id in existing.keys() - wanted.keys():
            self.scheduler.remove_job(job_id)
        for job_id, due in wanted.items():
            if job_id not in existing and keep_from is not None and due <= keep_from:
                continue
            run_at = self._wall(due)
            if job_id not in existing:
                self.scheduler.add_job(
                    self.tick, "date", run_date=run_at, id=job_id, misfire_grace_time=None,
                    coalesce=True,
                )  # fmt: skip
            elif abs(existing[job_id] - run_at) >= timedelta(seconds=1):
                self.scheduler.reschedule_job(job_id, trigger="date", run_date=run_at)

    def _wall(self, due: datetime) -> datetime:
        """When `due` (contest time, which a rehearsal runs faster) comes on the real clock."""
        speed: float = getattr(self._clock, "speed", 1.0)
        ahead = due - self._clock.now()
        if ahead <= timedelta(0):
            return datetime.now(UTC)
        if speed <= 0:  # a rehearsal clock stopped in time never gets there; resync re-plans
            return datetime.now(UTC) + RESYNC_EVERY * 60
        return datetime.now(UTC) + ahead / speed


def _escalation_times(waiting: Iterable[Escalation]) -> dict[str, datetime]:
    return {ESCALATION_JOB.format(id=step.tracked.id, level=step.level): step.due_at
            for step in waiting}  # fmt: skip
