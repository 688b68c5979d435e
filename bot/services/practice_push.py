"""The opt-in daily set: at the time a person chose, a message inviting them to N questions.

The questions themselves are drawn when the set is started (reviews due first), so a message
that waited in the outbox never holds stale or locked-down content. Nothing goes out while a
closed window (the theory exam, a lockdown) covers the moment.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time

from bot.domain.outbox import Priority
from bot.domain.practice_plan import (
    DAILY_START_DATA,
    Lockdown,
    PracticePreferences,
    closed_until,
    closed_windows,
    daily_set_due,
)
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import PracticeViews, UnitOfWork
from bot.services.readers import readers
from bot.services.reviews import due_questions


def practice_closed_until(
    snapshot: ContestSnapshot, lockdowns: Sequence[Lockdown], now: datetime
) -> datetime | None:
    """When practice opens again, if the theory exam or a lockdown has it closed now."""
    return closed_until(now, closed_windows(snapshot, lockdowns))


async def choose_daily(
    uow: UnitOfWork, person_id: int, at: time | None, count: int | None, now: datetime
) -> PracticePreferences:
    """Sets (or with `at` None stops) the daily set; the count stays unless given."""
    current = await uow.preferences.get(person_id)
    chosen = replace(current, daily_at=at, daily_count=count or current.daily_count)
    await uow.preferences.save(chosen, now)
    return chosen


async def daily_preferences(uow: UnitOfWork, person_id: int) -> PracticePreferences:
    return await uow.preferences.get(person_id)


@dataclass(frozen=True, slots=True)
class DailyChoice:
    preferences: PracticePreferences
    changed: bool  # False for a double tap, or a copy of the buttons gone stale


async def change_daily(
    uow: UnitOfWork, person_id: int, at: time | None, count: int, now: datetime
) -> DailyChoice:
    """Sets the daily set to `at` (None: off) and `count`, unless it is so already (to the
    minute)."""
    current = await uow.preferences.get(person_id)
    if _minute(current.daily_at) == _minute(at) and current.daily_count == count:
        return DailyChoice(current, changed=False)
    return DailyChoice(await choose_daily(uow, person_id, at, count, now), changed=True)


def _minute(at: time | None) -> tuple[int, int] | None:
    return None if at is None else (at.hour, at.minute)


async def queue_daily_sets(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    now: datetime,
    lockdowns: Sequence[Lockdown],
    views: PracticeViews,
) -> int:
    """Queues today's invitation for everyone whose time has come; returns how many."""
    windows = closed_windows(snapshot, lockdowns)
    due = {
        p.person_id: (p, day)
        for p in await uow.preferences.daily()
        if (day := daily_set_due(p, now, snapshot.zone, windows)) is not None
    }
    people = [snapshot.people[pid] for pid in due if pid in snapshot.people]
    deliveries = []
    for reader in await readers(uow, snapshot, people):
        person_id = reader.person.id or 0
        preferences, day = due[person_id]
        waiting = len(await due_questions(uow, person_id, now))
        text = views.daily_set_invitation(
            reader.locale, preferences.daily_count, min(waiting, preferences.daily_count)
        )
        start = ((views.daily_set_start_label(reader.locale), DAILY_START_DATA),)
        key = f"practice-daily:{person_id}:{day.isoformat()}"
        deliveries.append(reader.message(key, text, Priority.ANNOUNCEMENT, (start,)))
    # Those who cannot be reached (left the bot or the contest) are marked too, so they are
    # not looked at again every minute until the day's set expires.
    for person_id, (_, day) in due.items():
        await uow.preferences.mark_daily_sent(person_id, day)
    return await uow.outbox.enqueue(deliveries, now)
