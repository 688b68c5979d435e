"""A slot's turn status: the one reading of a round that every answer about a team is built from."""

import pytest
from hypothesis import given

from bot.domain.timeline import (
    Progress,
    TurnPhase,
    delay,
    finish,
    is_live,
    pause,
    skip,
    start,
    turn_status,
    turn_statuses,
)
from tests.domain.test_timeline import NEW, SLOTS, Show, at, shows

STILL_TO_PERFORM = (TurnPhase.WAITING, TurnPhase.ON_STAGE)


def status(progress: Progress, position: int, minute: int) -> tuple[TurnPhase, int]:
    found = turn_status(SLOTS, progress, position, at(minute))
    return found.phase, found.teams_before


@pytest.mark.parametrize(
    ("progress", "position", "minute", "expected"),
    [
        (NEW, 3, -60, (TurnPhase.PLANNED, 2)),
        (NEW, 3, 15, (TurnPhase.PLANNED, 1)),  # the printed programme has No. 1 over by 13:38
        (NEW, 1, 9, (TurnPhase.OVER, 0)),
        (start(NEW, 1, at(0)), 3, 15, (TurnPhase.WAITING, 2)),  # live: No. 1 overruns
        (start(NEW, 1, at(0)), 1, 15, (TurnPhase.ON_STAGE, 0)),
        (finish(start(NEW, 1, at(0)), 1, at(4)), 1, 5, (TurnPhase.DONE, 0)),
        (skip(NEW, 2), 2, 0, (TurnPhase.ABSENT, 0)),
        (skip(NEW, 2), 3, -60, (TurnPhase.WAITING, 1)),
        (delay(NEW, 10), 1, 5, (TurnPhase.WAITING, 0)),  # printed 13:30, now expected 13:40
    ],
)
def test_the_phase_and_teams_before_follow_the_live_run_once_there_is_one(
    progress: Progress, position: int, minute: int, expected: tuple[TurnPhase, int]
) -> None:
    assert status(progress, position, minute) == expected


def test_a_team_called_early_is_on_stage_from_its_actual_start() -> None:
    called = start(finish(start(NEW, 1, at(0)), 1, at(2)), 2, at(3))  # printed 13:40
    found = turn_status(SLOTS, called, 2, at(4))
    assert (found.phase, found.starts_at, found.eta) == (TurnPhase.ON_STAGE, at(3), None)


def test_a_finished_team_reports_when_it_finished() -> None:
    done = finish(start(NEW, 1, at(0)), 1, at(6))
    assert turn_status(SLOTS, done, 1, at(30)).ends_at == at(6)


def test_a_paused_round_says_so_on_every_slot() -> None:
    paused = pause(start(NEW, 1, at(0)), at(2))
    assert all(s.paused for s in turn_statuses(SLOTS, paused, at(3)).values())


def test_a_round_is_live_from_its_first_recorded_event() -> None:
    assert not is_live(NEW)
    assert is_live(delay(NEW, 5))
    assert is_live(skip(NEW, 1))


def test_an_unknown_position_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        turn_status(SLOTS, NEW, 9, at(0))


@given(shows())
def test_teams_before_never_counts_a_done_or_absent_team(show: Show) -> None:
    slots, progress, now = show
    statuses = turn_statuses(slots, progress, now)
    for found in statuses.values():
        if found.phase is TurnPhase.WAITING:
            ahead = [
                other
                for other in statuses.values()
                if other.phase is TurnPhase.ON_STAGE
                or (other.phase is TurnPhase.WAITING and other.position < found.position)
            ]
            assert found.teams_before == len(ahead)


@given(shows())
def test_a_team_that_performed_or_was_absent_gets_no_eta_and_no_teams_before(show: Show) -> None:
    slots, progress, now = show
    for found in turn_statuses(slots, progress, now).values():
        if found.phase not in STILL_TO_PERFORM and found.phase is not TurnPhase.PLANNED:
            assert found.eta is None
            assert found.teams_before == 0
            assert found.settled


@given(shows())
def test_a_live_waiting_team_is_never_expected_in_the_past(show: Show) -> None:
    slots, progress, now = show
    for found in turn_statuses(slots, progress, now).values():
        if found.phase is TurnPhase.WAITING:
            assert found.eta is not None
            assert found.eta >= now


@given(shows())
def test_the_plan_is_used_exactly_while_the_round_is_not_live(show: Show) -> None:
    slots, progress, now = show
    phases = {found.phase for found in turn_statuses(slots, progress, now).values()}
    planned = phases <= {TurnPhase.PLANNED, TurnPhase.OVER}
    assert planned is not is_live(progress)


@given(shows())
def test_at_most_one_team_is_on_stage(show: Show) -> None:
    slots, progress, now = show
    statuses = turn_statuses(slots, progress, now).values()
    assert sum(1 for s in statuses if s.phase is TurnPhase.ON_STAGE) <= 1
