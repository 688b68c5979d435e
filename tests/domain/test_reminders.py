"""Which reminders a round owes its teams, and when: by lead time, by queue, on stage."""

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import Slot
from bot.domain.live import EventKind, StageEvent
from bot.domain.reminders import (
    QuietHours,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReminderStatus,
    Tracked,
    TurnNow,
    chain_heads,
    next_escalation,
    paused_between,
    plan,
    round_over,
    still_useful,
)
from bot.domain.timeline import Eta, Progress, SlotState, delay, finish, forecast, skip, start

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


NEXT = Reminder("AR", 2, "T2", ReminderKind.NEXT, NINE, NINE + TEN_MINUTES)
WAITING = Eta(2, "T2", SlotState.WAITING, NINE + TEN_MINUTES, NINE + 2 * TEN_MINUTES, 0)
QUIET = TurnNow(WAITING, acknowledged=False, over=False, paused_now=False,
                paused_since_sent=timedelta(0))  # fmt: skip


def sent(escalations: int = 0, reminder: Reminder = NEXT) -> Tracked:
    return Tracked(1, reminder, ReminderStatus.SENT, sent_at=NINE, escalations=escalations)


@pytest.mark.parametrize(("escalations", "due"), [(0, 3), (1, 6), (2, None)])
def test_escalation_follows_the_chain_of_delays(escalations: int, due: int | None) -> None:
    expected = NINE + timedelta(minutes=due) if due is not None else None
    assert next_escalation(sent(escalations), QUIET, POLICY) == expected


@pytest.mark.parametrize(
    "turn",
    [
        replace(QUIET, acknowledged=True),
        replace(QUIET, eta=replace(WAITING, state=SlotState.ON_STAGE)),  # called
        replace(QUIET, eta=replace(WAITING, state=SlotState.DONE)),
        replace(QUIET, eta=replace(WAITING, state=SlotState.SKIPPED)),  # absent
        replace(QUIET, eta=replace(WAITING, team_code="T9")),  # the running order changed
        replace(QUIET, eta=None),  # no longer in the programme
        replace(QUIET, over=True),
        replace(QUIET, paused_now=True),  # held until the round resumes
    ],
    ids=["acknowledged", "called", "done", "absent", "redrawn", "removed", "over", "paused"],
)
def test_the_live_run_stops_the_chain(turn: TurnNow) -> None:
    assert next_escalation(sent(), turn, POLICY) is None


def test_a_lead_reminder_is_never_escalated() -> None:
    lead = Reminder("AR", 2, "T2", ReminderKind.LEAD, NINE, NINE + TEN_MINUTES, TEN_MINUTES)
    assert next_escalation(sent(reminder=lead), QUIET, POLICY) is None


def test_time_paused_since_the_reminder_moves_the_step_later() -> None:
    paused = replace(QUIET, paused_since_sent=TEN_MINUTES)
    assert next_escalation(sent(), paused, POLICY) == NINE + timedelta(minutes=13)


def test_one_chain_per_turn_runs_on_its_first_reminder_asking_for_an_answer() -> None:
    two_before = Reminder("AR", 2, "T2", ReminderKind.TWO_BEFORE, NINE, NINE + TEN_MINUTES)
    first = Tracked(1, two_before, ReminderStatus.SENT, sent_at=NINE)
    later = Tracked(2, NEXT, ReminderStatus.SENT, sent_at=NINE + TEN_MINUTES)
    other = Tracked(3, replace(NEXT, position=3, team_code="T3"), ReminderStatus.SENT, sent_at=NINE)
    assert chain_heads([later, first, other]) == [first, other]


@pytest.mark.parametrize(
    ("events", "paused"),
    [
        ([], 0),
        ([(EventKind.PAUSE, 5), (EventKind.RESUME, 15)], 10),
        ([(EventKind.PAUSE, -5), (EventKind.RESUME, 5)], 5),  # began before the window
        ([(EventKind.PAUSE, 25)], 5),  # still running at the end of the window
        ([(EventKind.PAUSE, 1), (EventKind.RESUME, 2), (EventKind.PAUSE, 3),
          (EventKind.RESUME, 6)], 4),
    ],
)  # fmt: skip
def test_paused_between_counts_the_pauses_inside_the_window(
    events: list[tuple[EventKind, int]], paused: int
) -> None:
    recorded = [StageEvent(kind, NINE + timedelta(minutes=m)) for kind, m in events]
    window = paused_between(recorded, NINE, NINE + timedelta(minutes=30))
    assert window == timedelta(minutes=paused)


@given(st.lists(st.integers(min_value=0, max_value=120), max_size=8), st.integers(0, 120))
def test_paused_time_adds_up_over_split_windows(marks: list[int], split: int) -> None:
    moments = sorted(marks)
    recorded = [
        StageEvent(EventKind.PAUSE if i % 2 == 0 else EventKind.RESUME, NINE + timedelta(minutes=m))
        for i, m in enumerate(moments)
    ]
    end, middle = NINE + timedelta(minutes=120), NINE + timedelta(minutes=split)
    whole = paused_between(recorded, NINE, end)
    assert whole == paused_between(recorded, NINE, middle) + paused_between(recorded, middle, end)
    assert timedelta(0) <= whole <= end - NINE


@pytest.mark.parametrize(
    ("events", "over"),
    [
        ([], False),
        ([("start", 1)], False),
        ([("start", 1), ("start", 5)], False),  # the last team on stage
        ([("start", 1), ("start", 5), ("finish", 5)], True),  # its last team done
        ([("skip", 5)], True),  # … or absent, with nobody on stage
    ],
)
def test_a_round_is_over_once_its_last_team_is_done_or_absent(
    events: list[tuple[str, int]], over: bool
) -> None:
    progress = Progress()
    for n, (kind, position) in enumerate(events):
        progress = happen(progress, kind, position, NINE + n * TEN_MINUTES)
    assert round_over(slots(), progress) is over


def happen(progress: Progress, kind: str, position: int, moment: datetime) -> Progress:
    if kind == "start":
        return start(progress, position, moment)
    if kind == "finish":
        return finish(progress, position, moment)
    return skip(progress, position)


def test_a_round_that_is_over_reminds_nobody() -> None:
    progress = finish(
        start(start(Progress(), 1, NINE), 5, NINE + TEN_MINUTES), 5, NINE + 2 * TEN_MINUTES
    )
    assert plan("AR", slots(), progress, NINE + 2 * TEN_MINUTES, POLICY, ZONE) == []


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
