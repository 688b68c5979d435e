"""Awards per track: top individuals, team prizes, best showcase, excellent contestants."""

from decimal import Decimal

import pytest

from bot.domain.scoring.awards import (
    ShowcaseAward,
    TeamPrize,
    best_showcase,
    excellent_contestants,
    excellent_cut,
    grant_awards,
    prize_for_rank,
    team_prizes,
    top_individuals,
)
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.standings import IndividualRow, Standings, TeamRow
from tests.domain.scoring.builders import D, individual, ranked, team

DEFAULT = ScoringRules()


def people(ranks: list[int], track: str = "12345") -> list[IndividualRow]:
    """Contestants P1, P2, ... of teams T1 (P1-P3), T2 (P4-P6), ... with these ranks."""
    return [individual(f"P{n}", f"T{(n - 1) // 3 + 1}", r, track) for n, r in enumerate(ranks, 1)]


def teams(ranks: list[int], track: str = "12345") -> list[TeamRow]:
    return [team(f"T{n}", r, track) for n, r in enumerate(ranks, 1)]


@pytest.mark.parametrize(
    ("ranks", "winners"),
    [
        ([1, 2, 3, 4, 5], ["P1", "P2", "P3"]),
        ([1, 2, 3, 3, 5], ["P1", "P2", "P3", "P4"]),  # a tie at the cut shares the award
        ([1, 1, 1, 1, 5], ["P1", "P2", "P3", "P4"]),
        ([1, 2, 2, 4], ["P1", "P2", "P3"]),
        ([1, 2], ["P1", "P2"]),  # fewer contestants than awards
        ([], []),
    ],
)
def test_the_top_three_contestants_of_a_track_are_awarded(
    ranks: list[int], winners: list[str]
) -> None:
    awarded = top_individuals(ranked(people(ranks), []), DEFAULT)
    assert [a.person_code for a in awarded] == winners


def test_each_track_has_its_own_top_contestants() -> None:
    rows = people([1, 2, 3, 4]) + people([1, 2], track="window")
    awarded = top_individuals(ranked(rows, []), ScoringRules(individual_awards=1))
    assert [(a.track_code, a.rank) for a in awarded] == [("12345", 1), ("window", 1)]


def test_no_individual_awards_when_the_count_is_zero() -> None:
    assert top_individuals(ranked(people([1, 2]), []), ScoringRules(individual_awards=0)) == ()


@pytest.mark.parametrize(
    ("counts", "ranks", "prizes"),
    [
        ((1, 2, 3), [1, 2, 3, 4, 5, 6, 7], [1, 2, 2, 3, 3, 3, None]),
        ((1, 1, 1), [1, 2, 3, 4], [1, 2, 3, None]),
        ((0, 2, 3), [1, 2, 3], [2, 2, 3]),  # no first prize: the best teams start at second
        ((1, 0, 3), [1, 2, 4, 5], [1, 3, 3, None]),
        ((), [1], [None]),
    ],
)
def test_a_teams_prize_follows_from_its_rank(
    counts: tuple[int, ...], ranks: list[int], prizes: list[int | None]
) -> None:
    assert [prize_for_rank(r, counts) for r in ranks] == prizes


@pytest.mark.parametrize(
    ("ranks", "prizes"),
    [
        ([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 3, 3, 3]),
        ([1, 1, 3, 4], [1, 1, 2, 3]),  # tied teams share the prize of their rank
        ([1, 2, 3, 4, 5, 6, 6, 8], [1, 2, 2, 3, 3, 3, 3]),  # a tie at the cut shares it
        ([1, 2], [1, 2]),  # a track with fewer teams than prizes
        ([], []),
    ],
)
def test_team_prizes_are_first_second_and_third_by_rank(
    ranks: list[int], prizes: list[int]
) -> None:
    awarded = team_prizes(ranked([], teams(ranks)), DEFAULT)
    assert [p.prize for p in awarded] == prizes


def test_team_prizes_are_awarded_per_track() -> None:
    rows = [*teams([1, 2]), team("W1", 1, "window")]
    awarded = team_prizes(ranked([], rows), DEFAULT)
    assert awarded == (
        TeamPrize("T1", "12345", 1, 1),
        TeamPrize("T2", "12345", 2, 2),
        TeamPrize("W1", "window", 1, 1),
    )


@pytest.mark.parametrize(
    ("showcases", "winners"),
    [
        (["88.50", "91.25", "90"], ["T2"]),
        (["91.25", "91.25", "90"], ["T1", "T2"]),  # ties share the award
        ([None, "70", None], ["T2"]),  # teams without a showcase score are left out
        ([None, None], []),
        ([], []),
    ],
)
def test_the_best_showcase_is_the_highest_trimmed_mean(
    showcases: list[str | None], winners: list[str]
) -> None:
    rows = [team(f"T{n}", n, showcase=s) for n, s in enumerate(showcases, 1)]
    assert [a.team_code for a in best_showcase(ranked([], rows), DEFAULT)] == winners


@pytest.mark.parametrize(("per_track", "winners"), [(True, ["H1", "W1"]), (False, ["W1"])])
def test_the_best_showcase_is_per_track_unless_configured_otherwise(
    per_track: bool, winners: list[str]
) -> None:
    rows = [team("H1", 1, showcase="90"), team("W1", 1, "window", showcase="95")]
    rules = ScoringRules(best_showcase_per_track=per_track)
    assert [a.team_code for a in best_showcase(ranked([], rows), rules)] == winners


def test_the_best_showcase_award_carries_the_score() -> None:
    awarded = best_showcase(ranked([], [team("H1", 1, showcase="93.33")]), DEFAULT)
    assert awarded == (ShowcaseAward("H1", "12345", Decimal("93.33")),)


@pytest.mark.parametrize(
    ("contestants", "share", "cut"),
    [(60, "0.5", 30), (9, "0.5", 5), (1, "0.5", 1), (0, "0.5", 0), (10, "0.3", 3), (7, "0", 0)],
)
def test_the_excellent_cut_is_the_top_half_rounded_up(
    contestants: int, share: str, cut: int
) -> None:
    assert excellent_cut(contestants, ScoringRules(excellent_share=D(share))) == cut


# Nine contestants of teams T1-T3: the cut is ceil(4.5) = 5.
NINE = people([1, 2, 3, 4, 5, 6, 7, 8, 9])


@pytest.mark.parametrize(
    ("ranks", "finalists", "excellent"),
    [
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], {"T1", "T2"}, ["P1", "P2", "P3", "P4", "P5"]),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], {"T2"}, ["P4", "P5"]),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], {"T3"}, []),  # a finalist team outside the top half
        ([1, 2, 3, 4, 5, 5, 7, 8, 9], {"T2"}, ["P4", "P5", "P6"]),  # a tie at the cut shares
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], set(), []),  # no finalists yet
        ([1, 1, 1, 1, 1, 1, 1, 1, 1], {"T1", "T2", "T3"}, [f"P{n}" for n in range(1, 10)]),
    ],
)
def test_excellent_contestants_are_finalists_within_the_top_half_of_their_track(
    ranks: list[int], finalists: set[str], excellent: list[str]
) -> None:
    standings = ranked(people(ranks), teams([1, 2, 3]))
    awarded = excellent_contestants(standings, finalists, DEFAULT)
    assert sorted(a.person_code for a in awarded) == excellent


def test_the_excellent_cut_counts_the_contestants_of_each_track() -> None:
    window = [individual("W1", "W", 1, "window"), individual("W2", "W", 2, "window")]
    rows = [*people([1, 2, 3, 4]), *window]
    standings = ranked(rows, [*teams([1, 2]), team("W", 1, "window")])
    awarded = excellent_contestants(standings, {"T1", "T2", "W"}, DEFAULT)
    assert [a.person_code for a in awarded] == ["P1", "P2", "W1"]


def test_an_unknown_finalist_team_is_refused() -> None:
    with pytest.raises(ScoringError) as raised:
        excellent_contestants(ranked(NINE, teams([1, 2, 3])), {"T1", "T9"}, DEFAULT)
    assert raised.value.params == {"team": "T9"}


def test_grant_awards_gathers_every_award() -> None:
    rows = [team("T1", 1, showcase="90"), team("T2", 2, showcase="80")]
    awarded = grant_awards(ranked(people([1, 2, 3, 4, 5, 6]), rows), {"T1", "T2"}, DEFAULT)
    assert [a.person_code for a in awarded.top_individuals] == ["P1", "P2", "P3"]
    assert [(p.team_code, p.prize) for p in awarded.team_prizes] == [("T1", 1), ("T2", 2)]
    assert [a.team_code for a in awarded.best_showcase] == ["T1"]
    assert [a.person_code for a in awarded.excellent_contestants] == ["P1", "P2", "P3"]


def test_empty_standings_grant_no_awards() -> None:
    awarded = grant_awards(Standings((), ()), set(), DEFAULT)
    assert (awarded.top_individuals, awarded.excellent_contestants) == ((), ())
    assert (awarded.team_prizes, awarded.best_showcase) == ((), ())
