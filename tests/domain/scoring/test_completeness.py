"""Whether a round's inputs are all in: papers, every expected judge's score, arena events."""

from decimal import Decimal

import pytest

from bot.domain.contest import ContestData, Round
from bot.domain.enums import Role, RoundKind
from bot.domain.scoring.completeness import (
    arena_completeness,
    expected_judges,
    showcase_completeness,
    theory_completeness,
)
from bot.domain.snapshot import ContestSnapshot

SHOWCASE = Round("SC", "Showcase", RoundKind.SHOWCASE, "A")
ARENA = Round("AR", "Arena", RoundKind.ARENA_PRELIMINARY, "A")
THEORY = Round("TH", "Theory", RoundKind.THEORY, "A")
TEAMS = ("T1", "T2", "T3")
S = Decimal(80)


@pytest.mark.parametrize(
    ("scores", "absent", "scored", "complete"),
    [
        ({}, set(), (), False),
        ({"T1": {"J1": S, "J2": S}}, set(), ("T1",), False),
        ({"T1": {"J1": S}, "T2": {"J1": S, "J2": S}}, set(), ("T2",), False),
        ({t: {"J1": S, "J2": S} for t in TEAMS}, set(), TEAMS, True),
        # An absent team is not waited for.
        ({t: {"J1": S, "J2": S} for t in ("T1", "T2")}, {"T3"}, ("T1", "T2"), True),
        # A judge who is not expected does not complete a team.
        ({t: {"J1": S, "J9": S} for t in TEAMS}, set(), (), False),
    ],
)
def test_a_showcase_team_is_scored_once_every_expected_judge_has_scored_it(
    scores: dict[str, dict[str, Decimal]], absent: set[str], scored: tuple[str, ...],
    complete: bool,
) -> None:  # fmt: skip
    done = showcase_completeness(SHOWCASE, TEAMS, ["J1", "J2"], scores, absent)
    assert (done.scored, done.complete) == (scored, complete)
    assert done.absent == tuple(sorted(absent))


def test_the_showcase_says_which_judge_has_not_scored_which_team() -> None:
    done = showcase_completeness(SHOWCASE, TEAMS, ["J1", "J2"], {"T2": {"J1": S}}, set())
    progress = {j.judge_code: (j.scored, j.missing) for j in done.judges}
    assert progress == {"J1": (("T2",), ("T1", "T3")), "J2": ((), TEAMS)}
    assert done.missing == TEAMS


def test_a_showcase_without_judges_is_never_complete() -> None:
    assert not showcase_completeness(SHOWCASE, TEAMS, [], {"T1": {"J1": S}}, set()).complete


@pytest.mark.parametrize(
    ("papers", "imported", "complete"),
    [(set(), False, False), ({"P1"}, True, False), ({"P1", "P2"}, True, True)],
)
def test_theory_is_complete_with_a_sheet_and_a_paper_for_each_contestant(
    papers: set[str], imported: bool, complete: bool
) -> None:
    done = theory_completeness(THEORY, ["P1", "P2"], papers, imported)
    assert done.complete is complete
    assert done.missing == tuple(p for p in ("P1", "P2") if p not in papers)


def test_an_arena_team_is_scored_with_an_event_and_the_absent_are_not_awaited() -> None:
    done = arena_completeness(ARENA, TEAMS, {"T1"}, {"T3"})
    assert (done.expected, done.scored, done.missing, done.absent) == (
        ("T1", "T2"), ("T1",), ("T2",), ("T3",),
    )  # fmt: skip


def test_the_expected_judges_are_the_judges_assigned_to_the_round(
    demo_data: ContestData,
) -> None:
    snapshot = ContestSnapshot.build(demo_data, revision=0)
    judges = expected_judges(snapshot, "SC-12345")
    assert [p.code for p in judges] == ["J1", "J2", "J3", "J4"]  # the 12345 track's panel
    assert all(p.role is Role.JUDGE for p in judges)
