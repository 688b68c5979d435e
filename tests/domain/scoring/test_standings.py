"""Totals and standings: weights, normalised arena, tie-breaks and shared competition ranks."""

from decimal import Decimal

import pytest

from bot.domain.contest import Person, Team
from bot.domain.enums import Role
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.inputs import ContestantScores, TeamScores
from bot.domain.scoring.ranking import competition_ranks
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.standings import (
    Standings,
    compute_standings,
    normalised_arena,
    team_practical,
    weighted_total,
)
from tests.domain.scoring.builders import D

DEFAULT = ScoringRules()


def c(code: str, team: str, theory: str | None, essay: str | None = None) -> ContestantScores:
    return ContestantScores(code, team, _d(theory), _d(essay))


def t(code: str, showcase: str | None, arena: str | None, track: str = "12345") -> TeamScores:
    return TeamScores(code, track, _d(showcase), _d(arena))


def _d(value: str | None) -> Decimal | None:
    return None if value is None else D(value)


TEAMS = [
    t("H01", "90", "60"),  # best arena: 100.00 normalised; practical 36 + 60 = 96.00
    t("H02", "80", "30"),  # 50.00 normalised; practical 32 + 30 = 62.00
    t("H03", "85", "-10"),  # negative arena normalises to 0; practical 34.00
    t("W01", None, None, track="window"),
]
CONTESTANTS = [
    c("P11", "H01", "80"),
    c("P12", "H01", "70"),
    c("P13", "H01", None),  # absent from the theory exam
    c("P21", "H02", "90"),
    c("P22", "H02", "60"),
    c("P31", "H03", "100"),
    c("W11", "W01", "50"),
]
STANDINGS = compute_standings(CONTESTANTS, TEAMS, DEFAULT)
PEOPLE = {r.person_code: r for r in STANDINGS.individuals}
TEAM_ROWS = {r.team_code: r for r in STANDINGS.teams}


def test_a_contestants_practical_score_is_their_teams() -> None:
    assert {PEOPLE[p].practical for p in ("P11", "P12", "P13")} == {TEAM_ROWS["H01"].practical}


@pytest.mark.parametrize(
    ("person", "practical", "total"),
    [
        ("P11", "96.00", "91.20"),  # 0.3 * 80 + 0.7 * 96
        ("P12", "96.00", "88.20"),
        ("P13", "96.00", "67.20"),  # a missing theory score counts as 0
        ("P21", "62.00", "70.40"),
        ("P22", "62.00", "61.40"),
        ("P31", "34.00", "53.80"),
        ("W11", "0.00", "15.00"),
    ],
)
def test_the_individual_total_is_three_tenths_theory_and_seven_tenths_practical(
    person: str, practical: str, total: str
) -> None:
    assert (str(PEOPLE[person].practical), str(PEOPLE[person].total)) == (practical, total)


@pytest.mark.parametrize(
    ("team", "theory", "normalised", "practical", "total"),
    [
        ("H01", "50.00", "100.00", "96.00", "82.20"),  # theory mean(80, 70, 0)
        ("H02", "75.00", "50.00", "62.00", "65.90"),
        ("H03", "100.00", "0.00", "34.00", "53.80"),
        ("W01", "50.00", "0.00", "0.00", "15.00"),
    ],
)
def test_the_team_total_is_three_tenths_mean_theory_and_seven_tenths_team_practical(
    team: str, theory: str, normalised: str, practical: str, total: str
) -> None:
    row = TEAM_ROWS[team]
    actual = (row.theory, row.arena_normalised, row.practical, row.total)
    assert tuple(map(str, actual)) == (theory, normalised, practical, total)


@pytest.mark.parametrize(
    ("arena", "best", "expected"),
    [
        ("60", "60", "100.00"),
        ("30", "60", "50.00"),
        ("20", "60", "33.33"),
        ("40", "60", "66.67"),
        ("0", "60", "0.00"),
        ("-10", "60", "0.00"),  # a negative arena score clamps to 0 after normalising
        ("10", "0", "0.00"),  # the best is 0 or less: nobody gets arena points
        ("-5", "-5", "0.00"),
        (None, "60", "0.00"),
    ],
)
def test_the_arena_score_is_normalised_against_the_best_of_the_track(
    arena: str | None, best: str, expected: str
) -> None:
    assert str(normalised_arena(_d(arena), D(best), DEFAULT)) == expected


@pytest.mark.parametrize(
    ("showcase", "normalised", "expected"),
    [
        ("90", "100", "96.00"),
        ("80.33", "33.33", "52.13"),
        (None, "50", "30.00"),
        ("0", "0", "0.00"),
    ],
)
def test_team_practical_is_four_tenths_showcase_and_six_tenths_arena(
    showcase: str | None, normalised: str, expected: str
) -> None:
    assert str(team_practical(_d(showcase), D(normalised), DEFAULT)) == expected


@pytest.mark.parametrize(
    ("theory", "practical", "expected"),
    [
        ("80", "96", "91.20"),
        ("80.01", "40", "52.00"),
        ("33.35", "0", "10.01"),
        (None, "50", "35.00"),
    ],
)
def test_totals_are_rounded_half_up_to_two_decimals(
    theory: str | None, practical: str, expected: str
) -> None:
    assert str(weighted_total(_d(theory), D(practical), DEFAULT)) == expected


def test_when_every_arena_score_is_negative_nobody_gets_arena_points() -> None:
    teams = [t("H01", "90", "-10"), t("H02", "80", "-30")]
    result = compute_standings([], teams, DEFAULT)
    assert [r.arena_normalised for r in result.teams] == [D(0), D(0)]


def test_a_team_without_an_arena_score_does_not_set_the_best() -> None:
    teams = [t("H01", "90", None), t("H02", "80", "20"), t("H03", "80", "10")]
    rows = {r.team_code: r for r in compute_standings([], teams, DEFAULT).teams}
    assert [rows[code].arena_normalised for code in ("H01", "H02", "H03")] == [0, 100, 50]


def test_each_track_is_normalised_and_ranked_on_its_own() -> None:
    teams = [t("H01", "80", "60"), t("W01", "80", "20", track="window")]
    result = compute_standings([], teams, DEFAULT)
    assert [(r.arena_normalised, r.rank) for r in result.teams] == [(D(100), 1), (D(100), 1)]


def test_rows_are_ordered_by_track_then_rank() -> None:
    assert [r.person_code for r in STANDINGS.individuals] == [
        "P11", "P12", "P21", "P13", "P22", "P31", "W11",
    ]  # fmt: skip
    assert [r.rank for r in STANDINGS.individuals_in("12345")] == [1, 2, 3, 4, 5, 6]
    assert [r.team_code for r in STANDINGS.teams_in("12345")] == ["H01", "H02", "H03"]
    assert STANDINGS.tracks == ("12345", "window")


# Two teams without arena scores: practical is 0.4 * showcase, 40.00 for A and 28.00 for B.
TIE_TEAMS = [t("A", "100", None), t("B", "70", None)]


@pytest.mark.parametrize(
    ("contestants", "expected"),
    [
        # 0.3 * 50 + 0.7 * 40 = 43.00 = 0.3 * 78 + 0.7 * 28: the higher practical wins.
        ([c("a", "A", "50"), c("b", "B", "78")], {"a": 1, "b": 2}),
        # Same team, totals both 52.00 after rounding: the higher theory wins.
        ([c("a", "A", "80.00"), c("b", "A", "80.01")], {"b": 1, "a": 2}),
        # Same practical and theory: the essay decides.
        ([c("a", "A", "80", "15"), c("b", "A", "80", "18")], {"b": 1, "a": 2}),
        ([c("a", "A", "80", None), c("b", "A", "80", "1")], {"b": 1, "a": 2}),
        # Still tied: the rank is shared and the next rank is skipped ("1, 1, 3").
        (
            [c("a", "A", "80", "15"), c("b", "A", "80", "15"), c("x", "A", "70")],
            {"a": 1, "b": 1, "x": 3},
        ),
        (
            [c("x", "A", "90"), c("a", "A", "80"), c("b", "A", "80"), c("y", "A", "70")],
            {"x": 1, "a": 2, "b": 2, "y": 4},
        ),
    ],
)
def test_individual_ties_break_on_practical_then_theory_then_essay(
    contestants: list[ContestantScores], expected: dict[str, int]
) -> None:
    rows = compute_standings(contestants, TIE_TEAMS, DEFAULT).individuals
    assert {r.person_code: r.rank for r in rows} == expected


@pytest.mark.parametrize(
    ("teams", "contestants", "expected"),
    [
        (TIE_TEAMS, [c("a", "A", "50"), c("b", "B", "78")], {"A": 1, "B": 2}),
        (
            [t("A", "100", None), t("B", "100", None)],
            [c("a", "A", "80.00"), c("b", "B", "80.01")],
            {"B": 1, "A": 2},
        ),
        (
            [t("A", "100", None), t("B", "100", None)],
            [c("a", "A", "80", "15"), c("b", "B", "80", "18")],
            {"B": 1, "A": 2},
        ),
        (
            [t("A", "100", None), t("B", "100", None), t("C", "10", None)],
            [c("a", "A", "80", "15"), c("b", "B", "80", "15")],
            {"A": 1, "B": 1, "C": 3},
        ),
    ],
)
def test_team_ties_break_on_practical_then_mean_theory_then_mean_essay(
    teams: list[TeamScores], contestants: list[ContestantScores], expected: dict[str, int]
) -> None:
    rows = compute_standings(contestants, teams, DEFAULT).teams
    assert {r.team_code: r.rank for r in rows} == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], []),
        ([3], [1]),
        ([3, 2, 2, 1], [1, 2, 2, 4]),
        ([1, 2, 2, 3], [4, 2, 2, 1]),
        ([5, 5, 5], [1, 1, 1]),
        ([1, 9, 1, 9, 5], [4, 1, 4, 1, 3]),
    ],
)
def test_competition_ranks_share_ties_and_skip_the_ranks_after_them(
    keys: list[int], expected: list[int]
) -> None:
    assert competition_ranks([(D(k),) for k in keys]) == expected


def test_other_weights_change_the_totals() -> None:
    rules = ScoringRules.from_mapping({"theory_weight": 0.5, "practical_weight": 0.5})
    rows = {r.person_code: r for r in compute_standings(CONTESTANTS, TEAMS, rules).individuals}
    assert rows["P11"].total == D("88.00")  # 0.5 * 80 + 0.5 * 96


@pytest.mark.parametrize(
    ("contestants", "teams", "message"),
    [
        (
            [],
            [t("H01", "90", "1"), t("H01", "80", "2")],
            "team {code} has more than one score line",
        ),
        (
            [c("P1", "H01", "80"), c("P1", "H01", "70")],
            [t("H01", "90", "1")],
            "contestant {code} has more than one score line",
        ),
        (
            [c("P1", "H09", "80")],
            [t("H01", "90", "1")],
            "contestant {person} belongs to team {team}, which has no score line",
        ),
        ([c("P1", "H01", "100.5")], [t("H01", "90", "1")], "the score {score} of {code} is not "),
        ([c("P1", "H01", "-1")], [t("H01", "90", "1")], "the score {score} of {code} is not "),
        ([c("P1", "H01", "80", "101")], [t("H01", "90", "1")], "the score {score} of {code} is "),
        ([], [t("H01", "-0.01", "1")], "the score {score} of {code} is not between 0"),
        ([], [t("H01", "90", "NaN")], "the arena score of {code} is not a number"),
    ],
)
def test_inconsistent_or_out_of_range_inputs_are_refused(
    contestants: list[ContestantScores], teams: list[TeamScores], message: str
) -> None:
    with pytest.raises(ScoringError) as raised:
        compute_standings(contestants, teams, DEFAULT)
    assert raised.value.message.startswith(message)


def test_score_lines_are_built_from_the_contest_entities() -> None:
    person = Person("P1", "张三", Role.CONTESTANT, "H01", seat=1)
    team = Team("H01", "一队", "12345")
    assert ContestantScores.of(person, D(80)) == ContestantScores("P1", "H01", D(80))
    assert TeamScores.of(team, D(90), D(30)) == TeamScores("H01", "12345", D(90), D(30))


@pytest.mark.parametrize(
    "person",
    [
        Person("L1", "领队", Role.LEADER, "H01"),
        Person("J1", "评委", Role.JUDGE),
        Person("X", "x", Role.CONTESTANT),
    ],
)
def test_only_a_contestant_of_a_team_has_an_individual_score(person: Person) -> None:
    with pytest.raises(ScoringError):
        ContestantScores.of(person, D(80))


def test_no_inputs_make_empty_standings() -> None:
    assert compute_standings([], [], DEFAULT) == Standings((), ())
