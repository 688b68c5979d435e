"""What each team is told after a re-import or a draw: its own entries that changed, once each."""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.contest import ContestData, Slot
from bot.domain.schedule_changes import (
    Appointment,
    ProgrammeNotice,
    TeamChange,
    notices_by_team,
    team_changes,
)

HALF_HOUR = timedelta(minutes=30)


def edited(
    data: ContestData, pick: Callable[[Slot], bool], edit: Callable[[Slot], Slot]
) -> ContestData:
    return replace(data, slots=tuple(edit(s) if pick(s) else s for s in data.slots))


def shifted(data: ContestData, pick: Callable[[Slot], bool], by: timedelta) -> ContestData:
    return edited(data, pick, lambda s: replace(s, starts_at=s.starts_at + by))


def own(team: str, round_code: str) -> Callable[[Slot], bool]:
    return lambda s: s.team_code == team and s.round_code == round_code


def session(round_code: str) -> Callable[[Slot], bool]:
    return lambda s: s.team_code is None and s.round_code == round_code


def teams_of_track(data: ContestData, track: str) -> set[str]:
    return {t.code for t in data.teams if t.track_code == track}


def slot_of(data: ContestData, pick: Callable[[Slot], bool]) -> Slot:
    return next(s for s in data.slots if pick(s))


def test_identical_data_changes_nothing(demo_data: ContestData) -> None:
    assert team_changes(demo_data, demo_data) == []


def test_moving_a_team_slot_by_half_an_hour_tells_that_team_alone(demo_data: ContestData) -> None:
    before = slot_of(demo_data, own("H09", "SC-12345"))
    changes = team_changes(demo_data, shifted(demo_data, own("H09", "SC-12345"), HALF_HOUR))
    assert changes == [
        TeamChange(
            "H09",
            "SC-12345",
            Appointment("SC-12345", before.starts_at, "HALL1", 1),
            Appointment("SC-12345", before.starts_at + HALF_HOUR, "HALL1", 1),
        )
    ]


def test_a_round_moved_to_another_venue_tells_each_team_with_a_slot_in_it(
    demo_data: ContestData,
) -> None:
    rounds = tuple(
        replace(r, venue_code="HALL2") if r.code == "SC-12345" else r for r in demo_data.rounds
    )
    changes = team_changes(demo_data, replace(demo_data, rounds=rounds))
    assert len(changes) == 20
    assert {c.team_code for c in changes} == teams_of_track(demo_data, "12345")
    assert {(c.old.venue_code, c.new.venue_code) for c in changes if c.old and c.new} == {
        ("HALL1", "HALL2")
    }


def test_naming_the_round_venue_on_a_slot_changes_nothing(demo_data: ContestData) -> None:
    explicit = edited(demo_data, own("H09", "SC-12345"), lambda s: replace(s, venue_code="HALL1"))
    assert team_changes(demo_data, explicit) == []


def test_a_draw_swapping_two_teams_tells_both_and_no_one_else(demo_data: ContestData) -> None:
    first = slot_of(demo_data, own("H09", "SC-12345"))
    second = slot_of(demo_data, own("H05", "SC-12345"))
    swapped = {first: replace(first, team_code="H05"), second: replace(second, team_code="H09")}
    drawn = replace(demo_data, slots=tuple(swapped.get(s, s) for s in demo_data.slots))
    changes = team_changes(demo_data, drawn)
    assert [(c.team_code, c.old and c.old.position, c.new and c.new.position) for c in changes] == [
        ("H05", 2, 1),
        ("H09", 1, 2),
    ]


def test_a_removed_slot_is_reported_without_a_new_appointment(demo_data: ContestData) -> None:
    removed = replace(
        demo_data, slots=tuple(s for s in demo_data.slots if not own("H09", "AR-12345")(s))
    )
    [change] = team_changes(demo_data, removed)
    assert (change.team_code, change.round_code, change.new) == ("H09", "AR-12345", None)
    assert change.old is not None


def test_an_added_slot_is_reported_without_an_old_appointment(demo_data: ContestData) -> None:
    last = slot_of(demo_data, own("H11", "SC-12345"))
    extra = replace(last, position=21, team_code="H09", starts_at=last.ends_at)
    [change] = team_changes(demo_data, replace(demo_data, slots=(*demo_data.slots, extra)))
    assert (change.team_code, change.old) == ("H09", None)
    assert change.new == Appointment("SC-12345", last.ends_at, "HALL1", 21)


def test_removing_the_earlier_of_two_slots_does_not_report_the_later_as_moved(
    demo_data: ContestData,
) -> None:
    first = slot_of(demo_data, own("H09", "SC-12345"))
    earlier = replace(first, position=0, starts_at=first.starts_at - HALF_HOUR)
    [change] = team_changes(replace(demo_data, slots=(*demo_data.slots, earlier)), demo_data)
    assert change.old == Appointment("SC-12345", earlier.starts_at, "HALL1", 0)
    assert change.new is None


def test_a_team_removed_entirely_is_not_told(demo_data: ContestData) -> None:
    without = replace(
        demo_data,
        teams=tuple(t for t in demo_data.teams if t.code != "H09"),
        slots=tuple(s for s in demo_data.slots if s.team_code != "H09"),
    )
    assert team_changes(demo_data, without) == []


def test_a_new_title_alone_changes_nothing(demo_data: ContestData) -> None:
    retitled = edited(
        demo_data, lambda s: True, lambda s: replace(s, title="新标题", title_en="New title")
    )
    assert team_changes(demo_data, retitled) == []


def test_a_moved_session_of_a_track_is_told_to_each_team_of_that_track(
    demo_data: ContestData,
) -> None:
    changes = team_changes(demo_data, shifted(demo_data, session("TH-12345"), HALF_HOUR))
    assert [c.team_code for c in changes] == sorted(teams_of_track(demo_data, "12345"))
    assert {c.new.position for c in changes if c.new} == {None}


def test_a_moved_session_for_every_track_is_told_to_every_team(demo_data: ContestData) -> None:
    changes = team_changes(demo_data, shifted(demo_data, session("CEREMONY"), HALF_HOUR))
    assert [c.team_code for c in changes] == sorted(t.code for t in demo_data.teams)


def test_changes_are_sorted_by_team_then_start(demo_data: ContestData) -> None:
    everything = shifted(demo_data, lambda s: s.team_code == "H09", HALF_HOUR)
    changes = team_changes(demo_data, shifted(everything, session("BRIEFING"), HALF_HOUR))
    moments = [(c.team_code, c.new.starts_at) for c in changes if c.new]
    assert moments == sorted(moments)
    assert [c.round_code for c in changes if c.team_code == "H09"] == [
        "BRIEFING",
        "SC-12345",
        "AR-12345",
    ]


def test_the_key_is_the_same_when_the_change_is_computed_again(demo_data: ContestData) -> None:
    moved = shifted(demo_data, own("H09", "SC-12345"), HALF_HOUR)
    assert team_changes(demo_data, moved)[0].key == team_changes(demo_data, moved)[0].key


def test_the_key_differs_when_the_new_time_differs(demo_data: ContestData) -> None:
    sooner = shifted(demo_data, own("H09", "SC-12345"), HALF_HOUR)
    later = shifted(demo_data, own("H09", "SC-12345"), 2 * HALF_HOUR)
    assert team_changes(demo_data, sooner)[0].key != team_changes(demo_data, later)[0].key


def test_undoing_a_change_gets_a_key_of_its_own(demo_data: ContestData) -> None:
    moved = shifted(demo_data, own("H09", "SC-12345"), HALF_HOUR)
    assert team_changes(demo_data, moved)[0].key != team_changes(moved, demo_data)[0].key


def test_the_key_of_a_change_with_long_codes_is_a_hash_within_128_characters(
    demo_data: ContestData,
) -> None:
    change = team_changes(demo_data, shifted(demo_data, own("H09", "SC-12345"), HALF_HOUR))[0]
    long = replace(change, team_code="T" * 100)
    assert len(long.key) <= 128
    assert long.key.startswith("change:")
    assert long.key != replace(long, round_code="OTHER").key


@given(st.integers(min_value=-600, max_value=600))
def test_the_same_shift_on_both_sides_changes_nothing(demo_data: ContestData, minutes: int) -> None:
    both = shifted(demo_data, lambda s: True, timedelta(minutes=minutes))
    assert team_changes(both, both) == []


@given(st.data(), st.integers(min_value=1, max_value=600))
def test_shifting_one_slot_tells_exactly_the_teams_it_concerns(
    demo_data: ContestData, data: st.DataObject, minutes: int
) -> None:
    target = data.draw(st.sampled_from(demo_data.slots))
    changes = team_changes(
        demo_data, shifted(demo_data, lambda s: s is target, timedelta(minutes=minutes))
    )
    track = next(r.track_code for r in demo_data.rounds if r.code == target.round_code)
    concerned = (
        [target.team_code]
        if target.team_code
        else sorted(t.code for t in demo_data.teams if track in (None, t.track_code))
    )
    assert [c.team_code for c in changes] == concerned
    assert {c.round_code for c in changes} == {target.round_code}


# One notice per team and change of the contest, whatever it changed.

DAY = timedelta(days=1)


def test_shifting_the_whole_programme_gives_each_team_one_notice_with_every_change(
    demo_data: ContestData,
) -> None:
    changes = team_changes(demo_data, shifted(demo_data, lambda s: True, DAY))
    notices = notices_by_team(changes)
    assert sorted(notices) == sorted(t.code for t in demo_data.teams)
    for team, notice in notices.items():
        assert notice.changes == tuple(c for c in changes if c.team_code == team)


def test_a_notice_of_a_single_change_keeps_the_changes_own_key(demo_data: ContestData) -> None:
    [change] = team_changes(demo_data, shifted(demo_data, own("H09", "SC-12345"), HALF_HOUR))
    assert ProgrammeNotice((change,)).key == change.key


@given(st.integers(min_value=1, max_value=600), st.integers(min_value=1, max_value=600))
def test_a_notice_of_several_changes_has_a_short_key_of_exactly_those_changes(
    demo_data: ContestData, first: int, second: int
) -> None:
    def notice(minutes: int) -> ProgrammeNotice:
        moved = shifted(demo_data, lambda s: True, timedelta(minutes=minutes))
        return notices_by_team(team_changes(demo_data, moved))["H09"]

    assert len(notice(first).key) <= 128
    assert notice(first).key.startswith("changes:")
    assert (notice(first).key == notice(second).key) == (first == second)
