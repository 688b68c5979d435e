"""Audiences on the demo contest: exact membership, parsing, unknown codes."""

import pytest

from bot.domain.audience import Audience, AudienceKind, members, parse_audience, unknown_codes
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


@pytest.mark.parametrize("text", ["", "nobody", "track", "teams:", "judges:12345", "track:"])
def test_a_malformed_audience_is_refused(text: str) -> None:
    assert parse_audience(text) is None


def test_the_key_reads_back_as_the_same_audience() -> None:
    for text in ("everyone", "track:12345", "teams:H01,H02", "leaders:window"):
        audience = parse_audience(text)
        assert audience is not None
        assert parse_audience(audience.key) == audience


def test_unknown_team_and_track_codes_are_listed(snapshot: ContestSnapshot) -> None:
    assert unknown_codes(Audience(AudienceKind.TEAMS, team_codes=("H01", "X9")), snapshot) == ["X9"]
    assert unknown_codes(Audience(AudienceKind.TRACK, track_code="mars"), snapshot) == ["mars"]
