"""The programme: positions, durations, tracks, and no venue or team in two places at once."""

from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.draft import Located
from bot.domain.problems import Sheet
from bot.domain.schedule_rules import _overlaps, schedule_problems
from tests.domain.builders import slot, small_draft, with_slots


def messages(draft: object) -> list[tuple[int | None, str]]:
    return [(p.row, p.message) for p in schedule_problems(draft)]  # type: ignore[arg-type]


def test_back_to_back_slots_do_not_overlap() -> None:
    assert messages(small_draft()) == []


def test_a_slot_starting_before_the_previous_ends_overlaps_in_the_venue() -> None:
    draft = with_slots(small_draft(), slot(3, None, 12))
    assert messages(draft) == [(4, "overlaps row {other_row} in venue '{venue}'")]


def test_a_team_cannot_be_in_two_places_at_once() -> None:
    other_room = replace(slot(3, "H01", 4), venue_code="ROOM2")
    problems = list(schedule_problems(with_slots(small_draft(), other_room)))
    assert [(p.sheet, p.row, p.params) for p in problems] == [
        (Sheet.SCHEDULE, 4, {"other_row": 2, "team": "H01"})
    ]


def test_a_position_used_twice_in_a_round_is_reported() -> None:
    draft = with_slots(small_draft(), replace(slot(2, None, 60), venue_code="ROOM2"))
    assert messages(draft) == [
        (4, "position {position} of round '{round}' is already used in row {first_row}")
    ]


def test_a_duration_must_be_positive() -> None:
    draft = with_slots(small_draft(), slot(3, None, 60, duration=0))
    assert messages(draft) == [(4, "the duration must be positive")]


def test_a_team_of_another_track_cannot_take_a_slot_in_the_round() -> None:
    draft = with_slots(small_draft(), slot(3, "W01", 60))
    assert messages(draft) == [
        (4, "team '{team}' is in track '{team_track}' but the round is for '{track}'")
    ]


intervals = st.lists(st.tuples(st.integers(0, 600), st.integers(1, 120)), min_size=1, max_size=12)


@given(intervals)
def test_overlaps_are_found_exactly_when_two_slots_share_time(
    spans: list[tuple[int, int]],
) -> None:
    located = [
        Located(slot(index + 1, None, start, duration), index + 2)
        for index, (start, duration) in enumerate(spans)
    ]
    reported = {later.row for later, _ in _overlaps(located)}
    for entry in located:
        shares_time = any(
            other is not entry
            and other.item.starts_at < entry.item.ends_at
            and entry.item.starts_at < other.item.ends_at
            and (other.item.starts_at, other.row) < (entry.item.starts_at, entry.row)
            for other in located
        )
        assert (entry.row in reported) == shares_time


@given(intervals)
def test_an_overlap_names_a_slot_that_is_still_running(spans: list[tuple[int, int]]) -> None:
    located = [
        Located(slot(index + 1, None, start, duration), index + 2)
        for index, (start, duration) in enumerate(spans)
    ]
    for later, earlier in _overlaps(located):
        assert earlier.item.starts_at <= later.item.starts_at < earlier.item.ends_at
        assert later.item.ends_at - later.item.duration == later.item.starts_at
        assert earlier.item.duration > timedelta(0)
