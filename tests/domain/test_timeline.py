"""The live run-of-show: recorded events and the expected times they imply."""

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import Slot
from bot.domain.timeline import (
    Eta,
    Progress,
    SlotState,
    TimelineError,
    delay,
    finish,
    forecast,
    pause,
    queue,
    resume,
    skip,
    start,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2024, 9, 26, 13, 30, tzinfo=SHANGHAI)
NEW = Progress()


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


# Four 8-minute turns, one every 10 minutes from 13:30.
SLOTS = [Slot("SC", n, at(10 * n - 10), timedelta(minutes=8), f"H{n:02}") for n in range(1, 5)]


def starts(progress: Progress, now: datetime) -> list[datetime]:
    return [eta.expected_start for eta in forecast(SLOTS, progress, now)]


def eta(progress: Progress, position: int, now: datetime) -> Eta:
    return forecast(SLOTS, progress, now)[position - 1]


def test_before_the_round_the_forecast_is_the_printed_programme() -> None:
    assert starts(NEW, at(-60)) == [at(0), at(10), at(20), at(30)]


def test_a_waiting_team_is_never_expected_in_the_past() -> None:
    assert starts(NEW, at(5)) == [at(5), at(13), at(21), at(30)]


def test_starting_a_team_puts_it_on_stage() -> None:
    assert eta(start(NEW, 1, at(2)), 1, at(3)).state is SlotState.ON_STAGE


def test_starting_the_next_team_finishes_the_one_on_stage() -> None:
    progress = start(start(NEW, 1, at(0)), 2, at(9))
    first = eta(progress, 1, at(9))
    assert (first.state, first.expected_start, first.expected_end) == (SlotState.DONE, at(0), at(9))


def test_the_team_on_stage_is_expected_to_end_after_its_planned_duration() -> None:
    assert eta(start(NEW, 1, at(1)), 1, at(3)).expected_end == at(9)


def test_an_overrunning_team_pushes_the_queue_back() -> None:
    assert starts(start(NEW, 1, at(0)), at(15)) == [at(0), at(15), at(23), at(31)]


def test_an_early_finish_does_not_call_the_next_team_before_its_printed_time() -> None:
    progress = finish(start(NEW, 1, at(0)), 1, at(4))
    assert eta(progress, 2, at(4)).expected_start == at(10)


def test_a_delay_shifts_only_later_slots() -> None:
    progress = start(finish(start(NEW, 1, at(0)), 1, at(8)), 2, at(10))
    before = forecast(SLOTS, progress, at(12))
    after = forecast(SLOTS, delay(progress, 10), at(12))
    assert after[:2] == before[:2]
    assert [e.expected_start for e in after[2:]] == [at(30), at(40)]


def test_delays_add_up_and_a_negative_one_takes_time_back() -> None:
    progress = delay(delay(NEW, 15), -5)
    assert starts(progress, at(-60)) == [at(10), at(20), at(30), at(40)]


def test_a_running_pause_extends_the_team_on_stage() -> None:
    progress = pause(start(NEW, 1, at(0)), at(5))
    assert eta(progress, 1, at(9)).expected_end == at(12)


def test_a_finished_pause_still_extends_the_team_that_was_on_stage() -> None:
    progress = resume(pause(start(NEW, 1, at(0)), at(2)), at(7))
    assert eta(progress, 1, at(7)).expected_end == at(13)


def test_a_pause_before_a_team_went_on_stage_does_not_extend_it() -> None:
    progress = start(resume(pause(NEW, at(0)), at(6)), 1, at(6))
    assert eta(progress, 1, at(6)).expected_end == at(14)


def test_a_skipped_team_takes_no_time() -> None:
    progress = skip(start(NEW, 1, at(0)), 2)
    assert starts(progress, at(8)) == [at(0), at(10), at(20), at(30)]
    assert eta(progress, 3, at(8)).teams_before == 1


def test_a_skip_closes_the_gap_behind_an_overrun() -> None:
    running_late = start(NEW, 1, at(0))
    assert starts(running_late, at(25))[2] == at(33)
    assert starts(skip(running_late, 2), at(25))[2] == at(25)


def test_a_skipped_slot_reports_its_printed_times_shifted_by_the_delay() -> None:
    skipped = eta(delay(skip(NEW, 2), 5), 2, at(0))
    assert (skipped.state, skipped.expected_start, skipped.expected_end) == (
        SlotState.SKIPPED,
        at(15),
        at(23),
    )


def test_an_absent_team_that_arrives_late_can_still_go_on_stage() -> None:
    progress = start(skip(NEW, 1), 1, at(12))
    assert eta(progress, 1, at(12)).state is SlotState.ON_STAGE


def test_teams_before_counts_the_team_on_stage_and_the_waiting_ones_ahead() -> None:
    progress = start(finish(start(NEW, 1, at(0)), 1, at(8)), 3, at(20))
    etas = forecast(SLOTS, progress, at(21))
    assert [(e.position, e.teams_before) for e in etas] == [(1, 0), (2, 1), (3, 0), (4, 2)]


def test_the_queue_lists_the_team_on_stage_first_then_the_waiting_ones() -> None:
    progress = start(finish(start(NEW, 1, at(0)), 1, at(8)), 3, at(20))
    assert [e.position for e in queue(forecast(SLOTS, progress, at(21)))] == [3, 2, 4]


def test_transitions_leave_the_previous_progress_unchanged() -> None:
    started = start(NEW, 1, at(0))
    assert Progress() == NEW
    assert started.state(1) is SlotState.ON_STAGE


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (lambda: start(start(NEW, 1, at(0)), 1, at(1)), "is already on stage"),
        (lambda: start(finish(start(NEW, 1, at(0)), 1, at(8)), 1, at(9)), "has already finished"),
        (lambda: finish(NEW, 1, at(0)), "is not on stage"),
        (lambda: skip(start(NEW, 1, at(0)), 1), "is already on stage"),
        (lambda: skip(skip(NEW, 1), 1), "is already marked absent"),
        (lambda: pause(pause(NEW, at(0)), at(1)), "already paused"),
        (lambda: resume(NEW, at(0)), "not paused"),
        (lambda: start(pause(NEW, at(0)), 1, at(1)), "resume it first"),
        (lambda: finish(pause(start(NEW, 1, at(0)), at(1)), 1, at(2)), "resume it first"),
        (lambda: start(start(NEW, 1, at(5)), 2, at(4)), "before the last recorded event"),
    ],
)
def test_an_impossible_event_is_refused(event: object, message: str) -> None:
    with pytest.raises(TimelineError, match=message):
        event()  # type: ignore[operator]


def test_a_refusal_carries_a_message_id_and_its_parameters() -> None:
    with pytest.raises(TimelineError) as caught:
        finish(NEW, 3, at(0))
    assert caught.value.message == "the team at position {position} is not on stage"
    assert caught.value.params == {"position": 3}


def test_a_naive_event_time_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        start(NEW, 1, datetime(2024, 9, 26, 13, 30))  # noqa: DTZ001


# Properties: a random programme, a random script of events, then the forecast.

Show = tuple[list[Slot], Progress, datetime]
EVENTS: dict[str, Callable[[Progress, int, datetime, int], Progress]] = {
    "start": lambda progress, position, clock, _: start(progress, position, clock),
    "finish": lambda progress, position, clock, _: finish(progress, position, clock),
    "skip": lambda progress, position, _, __: skip(progress, position),
    "delay": lambda progress, _, __, minutes: delay(progress, minutes),
    "pause": lambda progress, _, clock, __: pause(progress, clock),
    "resume": lambda progress, _, clock, __: resume(progress, clock),
}


@st.composite
def shows(draw: st.DrawFn) -> Show:
    plan = draw(st.lists(st.tuples(st.integers(0, 20), st.integers(1, 15)), min_size=1, max_size=7))
    slots, offset = [], 0
    for n, (gap, length) in enumerate(plan, 1):
        offset += gap
        slots.append(Slot("SC", n, at(offset), timedelta(minutes=length), f"T{n}"))
    progress, clock = NEW, T0
    for _ in range(draw(st.integers(0, 12))):
        clock += timedelta(minutes=draw(st.integers(0, 15)))
        event = EVENTS[draw(st.sampled_from(sorted(EVENTS)))]
        position, minutes = draw(st.integers(1, len(slots))), draw(st.integers(-10, 30))
        with suppress(TimelineError):
            progress = event(progress, position, clock, minutes)
    return slots, progress, clock + timedelta(minutes=draw(st.integers(0, 60)))


def waiting(etas: list[Eta]) -> list[Eta]:
    return [e for e in etas if e.state is SlotState.WAITING]


@given(shows())
def test_waiting_slots_are_expected_in_queue_order_and_never_in_the_past(show: Show) -> None:
    slots, progress, now = show
    expected = [e.expected_start for e in waiting(forecast(slots, progress, now))]
    assert expected == sorted(expected)
    assert all(moment >= now for moment in expected)


@given(shows(), st.integers(1, 60))
def test_a_delay_never_moves_a_slot_earlier_nor_one_that_has_begun(
    show: Show, minutes: int
) -> None:
    slots, progress, now = show
    before = forecast(slots, progress, now)
    after = forecast(slots, delay(progress, minutes), now)
    for old, new in zip(before, after, strict=True):
        if old.state in (SlotState.DONE, SlotState.ON_STAGE):
            assert new == old
        elif old.state is SlotState.WAITING:
            assert new.expected_start >= old.expected_start


@given(shows(), st.data())
def test_skipping_a_slot_never_moves_a_later_slot_later(show: Show, data: st.DataObject) -> None:
    slots, progress, now = show
    before = forecast(slots, progress, now)
    candidates = [e.position for e in waiting(before)]
    if not candidates:
        return
    absent = data.draw(st.sampled_from(candidates))
    after = {e.position: e for e in forecast(slots, skip(progress, absent), now)}
    planned = {s.position: s.starts_at + progress.delay for s in slots}
    for old in waiting(before):
        if old.position > absent:
            new = after[old.position]
            assert new.expected_start <= old.expected_start
            assert new.expected_start >= max(planned[old.position], now)


@given(shows())
def test_teams_before_grows_by_one_along_the_queue(show: Show) -> None:
    slots, progress, now = show
    line = queue(forecast(slots, progress, now))
    assert [e.teams_before for e in line] == list(range(len(line)))


@given(shows())
def test_the_team_on_stage_is_never_expected_to_have_ended_already(show: Show) -> None:
    slots, progress, now = show
    on_stage = [e for e in forecast(slots, progress, now) if e.state is SlotState.ON_STAGE]
    assert len(on_stage) <= 1
    assert all(e.expected_end >= now for e in on_stage)


def test_a_round_can_show_every_state_at_once() -> None:
    progress = skip(start(finish(start(NEW, 1, at(0)), 1, at(5)), 2, at(6)), 3)
    states = [e.state for e in forecast(SLOTS, progress, at(7))]
    assert states == [SlotState.DONE, SlotState.ON_STAGE, SlotState.SKIPPED, SlotState.WAITING]
