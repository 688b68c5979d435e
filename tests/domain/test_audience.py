"""Audiences on the demo contest: exact membership, parsing, unknown codes."""

from dataclasses import replace

import pytest

from bot.domain.audience import (
    Audience,
    AudienceKind,
    members,
    parse_audience,
    team_codes,
    unknown_codes,
)
from bot.domain.contest import ContestData
from bot.domain.enums import Role
from bot.domain.snapshot import ContestSnapshot


@pytest.fixture(scope="module")
def snapshot(demo_data: ContestData) -> ContestSnapshot:
    return ContestSnapshot.build(demo_data, revision=1)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("everyone", 172),
        ("track:12345", 80),
        ("track:window", 80),
        ("teams:H01,H07", 8),
        ("contestants", 120),
        ("leaders", 40),
        ("leaders:12345", 20),
        ("judges", 7),
        ("organizers", 4),
        ("not_checked_in", 160),
        ("not_checked_in:window", 80),
        ("followers:12345", 0),
    ],
)
def test_each_audience_names_exactly_its_people(
    snapshot: ContestSnapshot, text: str, size: int
) -> None:
    audience = parse_audience(text)
    assert audience is not None
    assert len(members(audience, snapshot)) == size


def test_leaders_of_a_track_are_its_twenty_team_leaders(snapshot: ContestSnapshot) -> None:
    audience = Audience(AudienceKind.LEADERS, track_code="12345")
    people = members(audience, snapshot)
    assert {p.role for p in people} == {Role.LEADER}
    assert {p.team_code for p in people} == {f"H{n:02d}" for n in range(1, 21)}


def test_people_not_checked_in_are_the_contestants_and_leaders_who_have_not(
    demo_data: ContestData,
) -> None:
    people = tuple(replace(p, id=n) for n, p in enumerate(demo_data.people, start=1))
    snapshot = ContestSnapshot.build(replace(demo_data, people=people), revision=1)
    h01 = {p.id for p in people if p.team_code == "H01" and p.id is not None}
    absent = members(Audience(AudienceKind.NOT_CHECKED_IN), snapshot, checked_in=h01)
    assert len(absent) == 160 - len(h01)
    assert {p.role for p in absent} == {Role.CONTESTANT, Role.LEADER}
    assert "H01" not in team_codes(absent)


def test_team_codes_lists_each_team_of_the_people_once(snapshot: ContestSnapshot) -> None:
    people = members(Audience(AudienceKind.TEAMS, team_codes=("H07", "H01")), snapshot)
    assert sorted(team_codes(people)) == ["H01", "H07"]


@pytest.mark.parametrize(
    "text", ["", "nobody", "track", "teams:", "judges:12345", "track:", "followers"]
)
def test_a_malformed_audience_is_refused(text: str) -> None:
    assert parse_audience(text) is None


def test_the_key_reads_back_as_the_same_audience() -> None:
    for text in ("everyone", "track:12345", "teams:H01,H02", "leaders:window", "followers:12345"):
        audience = parse_audience(text)
        assert audience is not None
        assert parse_audience(audience.key) == audience


def test_unknown_team_and_track_codes_are_listed(snapshot: ContestSnapshot) -> None:
    assert unknown_codes(Audience(AudienceKind.TEAMS, team_codes=("H01", "X9")), snapshot) == ["X9"]
    assert unknown_codes(Audience(AudienceKind.TRACK, track_code="mars"), snapshot) == ["mars"]
