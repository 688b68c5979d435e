"""A team's programme read against the live run, on the demo contest (pure, no bot)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.contest import ContestData
from bot.domain.live import EventKind, StageEvent, replay
from bot.domain.schedule_views import (
    Live,
    Mark,
    coming_up,
    day_lines,
    next_turn,
    on_stage,
    outlook,
)
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import TurnPhase

SHANGHAI = ZoneInfo("Asia/Shanghai")
SHOWCASE = "SC-12345"  # 20 teams of 8 minutes from 13:30; H07 is No. 7 (14:18), H01 No. 16


def at(hour: int, minute: int) -> datetime:
    return datetime(2024, 9, 26, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture(scope="module")
def snapshot(demo_data: ContestData) -> ContestSnapshot:
    return ContestSnapshot.build(demo_data, 1)


def called(*times: tuple[int, datetime]) -> Live:
    """Teams called in turn: each (position, time) goes on stage, ending the one before."""
    events = [StageEvent(EventKind.START, moment, position) for position, moment in times]
    return {SHOWCASE: replay(events)}


FIRST_SEVEN = called(*((n, at(13, 30 + 2 * (n - 1))) for n in range(1, 9)))  # No. 8 at 13:44


def test_a_team_that_performed_is_told_so_and_its_next_item_is_the_arena(
    snapshot: ContestSnapshot,
) -> None:
    seen = outlook(snapshot, "H07", at(13, 50), FIRST_SEVEN)
    assert seen.settled is not None
    assert (seen.settled.slot.round_code, seen.settled.status.phase) == (SHOWCASE, TurnPhase.DONE)
    assert seen.settled.status.ends_at == at(13, 44)
    assert seen.next is not None
    assert seen.next.slot.round_code == "AR-12345"


def test_without_a_live_run_a_passed_turn_is_not_claimed_as_performed(
    snapshot: ContestSnapshot,
) -> None:
    seen = outlook(snapshot, "H07", at(15, 0))
    assert seen.settled is None
    assert seen.next is not None
    assert seen.next.slot.round_code == "AR-12345"


def test_a_live_round_running_late_keeps_a_team_whose_printed_time_passed(
    snapshot: ContestSnapshot,
) -> None:
    late = called((1, at(13, 30)))
    turn = next_turn(snapshot, "H07", at(14, 30), late)
    assert turn is not None
    assert (turn.slot.round_code, turn.status.phase, turn.teams_before) == (
        SHOWCASE,
        TurnPhase.WAITING,
        6,
    )


def test_a_round_left_unfinished_yesterday_is_not_the_next_item(
    snapshot: ContestSnapshot,
) -> None:
    tomorrow = datetime(2024, 9, 27, 8, 0, tzinfo=SHANGHAI)
    forgotten = called((1, at(13, 30)))
    turn = next_turn(snapshot, "H01", tomorrow, forgotten)
    assert turn is not None
    assert turn.slot.round_code == "AR-12345"
    assert SHOWCASE not in {s.slot.round_code for s in on_stage(snapshot, tomorrow, forgotten)}


def test_the_stage_is_the_live_one_where_the_round_is_live(snapshot: ContestSnapshot) -> None:
    live = called(*((n, at(13, 30 + n)) for n in range(1, 17)))  # No. 16 (H01) on at 13:46
    staged = [s.slot.team_code for s in on_stage(snapshot, at(14, 18), live)]
    assert "H01" in staged
    assert "H07" not in staged  # printed for 14:18, but performed at 13:36


def test_what_comes_up_is_never_a_slot_already_performed(snapshot: ContestSnapshot) -> None:
    live = called((1, at(13, 30)), (2, at(13, 31)), (3, at(13, 32)))
    upcoming = coming_up(snapshot, at(13, 35), live)  # No. 2 is printed for 13:38
    assert upcoming is not None
    assert upcoming.slot.key != (SHOWCASE, 2)
    assert upcoming.status.starts_at >= at(13, 35)


@pytest.mark.parametrize(
    ("now", "live", "marks"),
    [
        (at(8, 0), {}, [Mark.NEXT, None]),
        (at(9, 0), {}, [Mark.NOW, Mark.NEXT]),
        (at(13, 50), FIRST_SEVEN, [Mark.DONE, Mark.NOW]),
        (at(13, 20), {}, [Mark.DONE, Mark.NEXT]),
    ],
)
def test_today_marks_each_line_done_on_now_or_next(
    snapshot: ContestSnapshot, now: datetime, live: Live, marks: list[Mark | None]
) -> None:
    lines = day_lines(snapshot, now.date(), track_code="12345", team_code="H07", now=now, live=live)
    assert [line.mark for line in lines] == marks


def test_today_carries_the_own_turn_as_it_stands(snapshot: ContestSnapshot) -> None:
    now = at(13, 50)
    lines = day_lines(snapshot, now.date(), team_code="H07", now=now, live=FIRST_SEVEN)
    own = next(line for line in lines if line.own is not None)
    assert own.own_status is not None
    assert own.own_status.phase is TurnPhase.DONE
