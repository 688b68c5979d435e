"""The unscored are unranked: ranks are shared competition ranks among the scored only."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.scoring.awards import grant_awards
from bot.domain.scoring.inputs import ContestantScores, Input, TeamScores
from bot.domain.scoring.ranking import competition_ranks, ranks_among_scored, ranks_of
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.standings import compute_standings
from tests.domain.scoring.builders import D
from tests.domain.scoring.test_properties import score_lines

RULES = ScoringRules()
keys = st.none() | st.tuples(st.integers(0, 3).map(Decimal))


@given(st.lists(keys))
def test_the_unscored_have_no_rank_and_the_scored_rank_among_themselves(
    rows: list[tuple[Decimal] | None],
) -> None:
    ranks = ranks_among_scored(rows)
    scored = [key for key in rows if key is not None]
    assert [rank is None for rank in ranks] == [key is None for key in rows]
    assert [rank for rank in ranks if rank is not None] == competition_ranks(scored)


@given(st.lists(keys), st.integers(0, 5), st.integers(0, 10))
def test_adding_unscored_rows_never_moves_a_scored_rank(
    rows: list[tuple[Decimal] | None], extra: int, where: int
) -> None:
    before = ranks_among_scored(rows)
    index = min(where, len(rows))
    after = ranks_among_scored([*rows[:index], *[None] * extra, *rows[index:]])
    assert [r for r in after if r is not None] == [r for r in before if r is not None]


@given(st.dictionaries(st.text(max_size=3), st.none() | st.integers(0, 3).map(Decimal)))
def test_ranks_of_a_round_leave_those_without_a_score_unranked(
    scores: dict[str, Decimal | None],
) -> None:
    ranks = ranks_of(scores)
    for code, score in scores.items():
        if score is None:
            assert ranks[code] is None
        else:
            better = sum(1 for other in scores.values() if other is not None and other > score)
            assert ranks[code] == 1 + better


def team(code: str, showcase: str | None = None, arena: str | None = None) -> TeamScores:
    return TeamScores(code, "A", None if showcase is None else D(showcase),
                      None if arena is None else D(arena))  # fmt: skip


def test_a_demo_without_any_score_ranks_nobody() -> None:
    people = [ContestantScores(f"P{n}", f"T{n}") for n in range(3)]
    result = compute_standings(people, [team(f"T{n}") for n in range(3)], RULES)
    assert [r.rank for r in result.teams] == [None, None, None]
    assert [r.rank for r in result.individuals] == [None, None, None]
    awards = grant_awards(result, (), RULES)
    assert (awards.top_individuals, awards.team_prizes, awards.excellent_contestants) == ((),) * 3


@pytest.mark.parametrize(
    ("teams", "required", "ranks"),
    [
        # A team with no showcase and no arena score (and no member's paper) is unscored.
        ([team("T1", "80"), team("T2")], set(), {"T1": 1, "T2": None}),
        # One input is enough while nothing is required ...
        ([team("T1", "80"), team("T2", None, "10")], set(), {"T2": 1, "T1": 2}),
        # ... but a required input must be there.
        ([team("T1", "80"), team("T2", None, "10")], {Input.SHOWCASE}, {"T1": 1, "T2": None}),
        (
            [team("T1", "80", "0"), team("T2", "90"), team("T3", "70", "5")],
            {Input.SHOWCASE, Input.ARENA},
            {"T3": 1, "T1": 2, "T2": None},
        ),
    ],
)
def test_a_team_is_scored_with_an_input_and_every_required_one(
    teams: list[TeamScores], required: set[Input], ranks: dict[str, int | None]
) -> None:
    result = compute_standings([], teams, RULES, {"A": required})
    assert {r.team_code: r.rank for r in result.teams} == ranks


def test_a_contestant_without_a_paper_is_unscored_where_theory_counts() -> None:
    people = [ContestantScores("P1", "T1", D(90)), ContestantScores("P2", "T1")]
    result = compute_standings(people, [team("T1", "80")], RULES, {"A": {Input.THEORY}})
    assert [(r.person_code, r.rank) for r in result.individuals] == [("P1", 1), ("P2", None)]
    assert result.teams[0].rank == 1  # the team has a paper: P2's counts 0 in its mean


def test_the_unscored_come_after_the_scored_of_their_track() -> None:
    teams = [team("T1"), team("T2", "50"), team("T3"), team("T4", "90")]
    result = compute_standings([], teams, RULES)
    assert [(r.team_code, r.rank) for r in result.teams] == [
        ("T4", 1), ("T2", 2), ("T1", None), ("T3", None),
    ]  # fmt: skip
    assert [r.scored for r in result.teams] == [True, True, False, False]


@given(score_lines(), st.sets(st.sampled_from(Input)), st.sets(st.sampled_from(Input)))
def test_a_row_is_scored_exactly_when_it_has_an_input_and_every_required_one(
    lines: tuple[list[ContestantScores], list[TeamScores]],
    required_a: set[Input],
    required_b: set[Input],
) -> None:
    contestants, teams = lines
    result = compute_standings(contestants, teams, RULES, {"A": required_a, "B": required_b})
    required = {"A": required_a, "B": required_b}
    by_team = {r.team_code: r for r in result.teams}
    for row in result.individuals:
        team_row = by_team[row.team_code]
        present = {Input.THEORY} if row.theory is not None else set()
        present |= {i for i, v in ((Input.SHOWCASE, team_row.showcase),
                                   (Input.ARENA, team_row.arena)) if v is not None}  # fmt: skip
        assert row.scored == (bool(present) and required[row.track_code] <= present)
    for team_row in result.teams:
        papers = [c.theory for c in contestants if c.team_code == team_row.team_code]
        present = {Input.THEORY} if any(p is not None for p in papers) else set()
        present |= {i for i, v in ((Input.SHOWCASE, team_row.showcase),
                                   (Input.ARENA, team_row.arena)) if v is not None}  # fmt: skip
        assert team_row.scored == (bool(present) and required[team_row.track_code] <= present)
