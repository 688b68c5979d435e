"""Read-only views: counts per track, the programme by day, a team's own programme."""

from datetime import date

from bot.domain.contest import ContestData
from bot.domain.enums import QuestionType, Role
from bot.domain.summary import (
    contest_days,
    programme,
    question_counts,
    role_counts,
    team_programme,
    track_summaries,
)


def test_each_track_counts_its_teams_contestants_and_leaders(demo_data: ContestData) -> None:
    counts = {(s.track.code, s.teams, s.contestants, s.leaders) for s in track_summaries(demo_data)}
    assert counts == {("12345", 20, 60, 20), ("window", 20, 60, 20)}


def test_roles_are_counted_including_the_absent_ones(demo_data: ContestData) -> None:
    counts = role_counts(demo_data)
    assert counts[Role.CONTESTANT] == 120
    assert set(counts) == set(Role)


def test_questions_are_counted_per_type(demo_data: ContestData) -> None:
    counts = question_counts(demo_data)
    assert sum(counts.values()) == len(demo_data.questions)
    assert all(counts[kind] > 0 for kind in QuestionType)


def test_the_days_are_local_to_the_contest(demo_data: ContestData) -> None:
    assert contest_days(demo_data) == [date(2024, 9, 25), date(2024, 9, 26), date(2024, 9, 27)]


def test_a_round_of_team_slots_becomes_one_programme_line(demo_data: ContestData) -> None:
    items = programme(demo_data, date(2024, 9, 26))
    showcase = [item for item in items if item.round.code == "SC-12345"]
    assert len(showcase) == 1
    assert len(showcase[0].team_codes) == 20
    assert (showcase[0].ends_at - showcase[0].starts_at).total_seconds() == 20 * 8 * 60


def test_the_programme_is_in_time_order(demo_data: ContestData) -> None:
    starts = [item.starts_at for item in programme(demo_data)]
    assert starts == sorted(starts)


def test_a_team_sees_its_own_slots_and_the_sessions_of_its_track(
    demo_data: ContestData,
) -> None:
    team = next(t for t in demo_data.teams if t.code == "H07")
    slots = team_programme(demo_data, team)
    rounds = [slot.round_code for slot in slots]
    assert rounds == [
        "CHECKIN", "LEADERS", "BRIEFING", "TH-12345", "SC-12345", "AR-12345", "FI-12345",
        "CEREMONY",
    ]  # fmt: skip
    assert all(slot.team_code in (None, "H07") for slot in slots)
