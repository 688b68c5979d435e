"""Which reminders a round owes its teams, and when: by lead time, by queue, on stage."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import Slot
from bot.domain.reminders import (
    QuietHours,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReminderStatus,
    Tracked,
    escalation_due,
    plan,
    still_useful,
)
from bot.domain.timeline import Progress, delay, finish, forecast, skip, start

ZONE = ZoneInfo("Asia/Shanghai")
NINE = datetime(2024, 9, 27, 9, 0, tzinfo=ZONE)
TEN_MINUTES = timedelta(minutes=10)
POLICY = ReminderPolicy()


def slots(count: int = 5) -> list[Slot]:
    return [
        Slot("AR", n, NINE + (n - 1) * TEN_MINUTES, TEN_MINUTES, team_code=f"T{n}")
        for n in range(1, count + 1)
    ]


def kinds(reminders: list[Reminder], team: str) -> list[str]:
    return [r.key.split(":")[-1] for r in reminders if r.team_code == team]


def test_before_the_round_each_team_gets_its_lead_reminders() -> None:
    found = plan("AR", slots(), Progress(), NINE - timedelta(hours=2), POLICY, ZONE)
    assert kinds(found, "T3") == ["lead60", "lead30", "lead15"]
    due = {r.key: r.due_at for r in found if r.team_code == "T3"}
    assert due["turn:AR:3:T3:lead15"] == NINE + 2 * TEN_MINUTES - timedelta(minutes=15)


def test_once_live_the_queue_decides_two_before_and_next() -> None:
    progress = start(Progress(), 1, NINE)
    found = plan("AR", slots(), progress, NINE, POLICY, ZONE)
    assert kinds(found, "T1") == ["on_stage"]
    assert kinds(found, "T2") == ["next"]
    assert kinds(found, "T3") == ["two_before"]
    assert kinds(found, "T4") == ["lead60", "lead30", "lead15"]


def test_a_free_stage_makes_the_first_in_line_next() -> None:
    progress = finish(start(Progress(), 1, NINE), 1, NINE + TEN_MINUTES)
    found = plan("AR", slots(), progress, NINE + TEN_MINUTES, POLICY, ZONE)
    assert kinds(found, "T2") == ["next"]


def test_a_skipped_team_is_owed_nothing_and_the_next_one_moves_up() -> None:
    progress = skip(start(Progress(), 1, NINE), 3)
    found = plan("AR", slots(), progress, NINE, POLICY, ZONE)
    assert kinds(found, "T3") == []
    assert kinds(found, "T4") == ["two_before"]


def test_a_delay_moves_the_lead_reminders_with_the_turn() -> None:
    early = NINE - timedelta(hours=2)
    before = {r.key: r.due_at for r in plan("AR", slots(), Progress(), early, POLICY, ZONE)}
    later = plan("AR", slots(), delay(Progress(), 10), early, POLICY, ZONE)
    assert all(r.due_at == before[r.key] + TEN_MINUTES for r in later)


def test_keys_are_the_same_however_often_it_is_planned() -> None:
    first = plan("AR", slots(), Progress(), NINE - timedelta(hours=2), POLICY, ZONE)
    again = plan("AR", slots(), Progress(), NINE - timedelta(hours=1), POLICY, ZONE)
    assert {r.key for r in again} <= {r.key for r in first}


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (time(21, 59), time(21, 59)),  # before quiet hours: unchanged
        (time(23, 0), time(7, 0)),  # in quiet hours: waits for the morning
        (time(6, 30), time(7, 0)),
        (time(7, 0), time(7, 0)),  # the end is not quiet any more
    ],
)
def test_quiet_hours_hold_a_reminder_until_they_end(due: time, expected: time) -> None:
    turn = datetime(2024, 9, 27, 9, 0, tzinfo=ZONE)
    moment = datetime.combine(turn.date(), due, tzinfo=ZONE)
    if due > time(12):
        moment -= timedelta(days=1)
    slot = Slot("AR", 1, turn, TEN_MINUTES, team_code="T1")
    lead = turn - moment
    policy = ReminderPolicy(leads=(lead,), quiet=QuietHours(time(22), time(7)))
    (found,) = plan("AR", [slot], Progress(), moment - timedelta(hours=1), policy, ZONE)
    assert found.due_at.astimezone(ZONE).time() == expected


def test_a_reminder_whose_quiet_hours_outlast_the_turn_is_dropped() -> None:
    slot = Slot("AR", 1, datetime(2024, 9, 27, 6, 30, tzinfo=ZONE), TEN_MINUTES, team_code="T1")
    policy = ReminderPolicy(leads=(timedelta(minutes=15),), quiet=QuietHours(time(22), time(7)))
    assert plan("AR", [slot], Progress(), slot.starts_at - timedelta(hours=3), policy, ZONE) == []


def test_a_reminder_is_useful_only_before_the_turn_begins() -> None:
    (slot, *_) = slots()
    (lead,) = [r for r in plan("AR", [slot], Progress(), NINE - timedelta(hours=1), POLICY, ZONE)
               if r.lead == timedelta(minutes=15)]  # fmt: skip
    waiting = forecast([slot], Progress(), NINE - timedelta(minutes=5))[0]
    on_stage = forecast([slot], start(Progress(), 1, NINE), NINE)[0]
    assert still_useful(lead, waiting, NINE - timedelta(minutes=5))
    assert not still_useful(lead, on_stage, NINE)


def test_escalation_follows_the_chain_of_delays() -> None:
    reminder = Reminder("AR", 2, "T2", ReminderKind.NEXT, NINE, NINE + TEN_MINUTES)
    sent = Tracked(1, reminder, ReminderStatus.SENT, sent_at=NINE)
    assert not escalation_due(sent, POLICY, NINE + timedelta(minutes=2))
    assert escalation_due(sent, POLICY, NINE + timedelta(minutes=3))
    once = Tracked(1, reminder, ReminderStatus.SENT, sent_at=NINE, escalations=1)
    assert not escalation_due(once, POLICY, NINE + timedelta(minutes=5))
    assert escalation_due(once, POLICY, NINE + timedelta(minutes=6))
    done = Tracked(1, reminder, ReminderStatus.SENT, sent_at=NINE, escalations=2)
    assert not escalation_due(done, POLICY, NINE + timedelta(hours=1))


def test_an_acknowledged_or_lead_reminder_is_never_escalated() -> None:
    reminder = Reminder("AR", 2, "T2", ReminderKind.NEXT, NINE, NINE + TEN_MINUTES)
    acked = Tracked(1, reminder, ReminderStatus.SENT, sent_at=NINE, acked_at=NINE)
    lead = Reminder("AR", 2, "T2", ReminderKind.LEAD, NINE, NINE + TEN_MINUTES, TEN_MINUTES)
    plain = Tracked(2, lead, ReminderStatus.SENT, sent_at=NINE)
    assert not escalation_due(acked, POLICY, NINE + timedelta(hours=1))
    assert not escalation_due(plain, POLICY, NINE + timedelta(hours=1))


@given(
    started=st.integers(min_value=0, max_value=6),
    skipped=st.sets(st.integers(min_value=1, max_value=8), max_size=3),
    minutes=st.integers(min_value=-20, max_value=60),
)
def test_every_team_still_to_come_is_owed_exactly_one_kind_of_reminder(
    started: int, skipped: set[int], minutes: int
) -> None:
    """Lead reminders, or two-before, or next, or on stage: never a mixture for one turn."""
    progress = delay(Progress(), minutes)
    now = NINE - timedelta(hours=1)
    for position in range(1, started + 1):
        now = NINE + position * TEN_MINUTES
        if progress.state(position).value == "waiting":
            progress = start(progress, position, now)
    for position in skipped:
        if progress.state(position).value == "waiting":
            progress = skip(progress, position)
    found = plan("AR", slots(8), progress, now, POLICY, ZONE)
    for team in {r.team_code for r in found}:
        kinds_of_team = {r.kind for r in found if r.team_code == team}
        assert len(kinds_of_team) == 1
    assert not any(r.team_code == f"T{p}" for r in found for p in skipped if p > started)
