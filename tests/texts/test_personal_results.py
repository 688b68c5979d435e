"""A contestant's own result, prepared once for a round: each is told their rank among the scored
of their track (their team's, for a showcase), out of how many those are, or that it is pending.

The expected ranks come from the rule applied to one person at a time, as the texts did before
they were prepared once per round."""

import random
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.standings import case
from bot.domain.contest import ContestData, Person, Round
from bot.domain.enums import Locale, Role, RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.completeness import Completeness
from bot.domain.scoring.ranking import ranks_of
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.services.results import Inputs, completeness_of, table
from bot.texts.results import PersonalResults
from bot.texts.texts import Texts

T = Texts(Locale.EN, ZoneInfo("Asia/Shanghai"))
THEORY = N_("Your theory score: {score} (rank {rank} of {count} in your track).")
SHOWCASE = N_("Your team's showcase score: {score} (rank {rank} of {count} teams).")
TOTAL = N_("Your total: {total} (theory {theory}, practical {practical}), rank {rank} of "
           "{count} in your track.")  # fmt: skip
PENDING = {RoundKind.THEORY: N_("Your theory score is pending."),
           RoundKind.SHOWCASE: N_("Your team's showcase score is pending.")}  # fmt: skip


def partly_scored(
    data: ContestData, rng: random.Random, kept: float
) -> tuple[ContestSnapshot, Standings, Inputs]:
    """Every score entered, then each kept with probability `kept`."""
    full = case(data, rng)
    inputs = Inputs(
        {p: s for p, s in full.inputs.theory.items() if rng.random() < kept},
        {r: {team: s for team, s in scores.items() if rng.random() < kept}
         for r, scores in full.inputs.showcase.items()},
        {r: [e for e in events if rng.random() < kept] for r, events in full.inputs.arena.items()},
        full.inputs.absent,
    )  # fmt: skip
    return full.snapshot, table(full.snapshot, inputs, ScoringRules(), counted=set()), inputs


def one_at_a_time(
    round_: Round, standings: Standings, done: Completeness, person: Person
) -> tuple[Decimal | None, int, int] | None:
    """The person's score in the round, its rank among the scored of the track and their count;
    None when it is pending."""
    me = next(r for r in standings.individuals if r.person_code == person.code)
    team = next(r for r in standings.teams if r.team_code == person.team_code)
    if round_.kind is RoundKind.THEORY:
        rows = {r.person_code: r.theory for r in standings.individuals_in(me.track_code)
                if r.person_code in done.scored}  # fmt: skip
        code, score = me.person_code, me.theory
    else:
        rows = {r.team_code: r.showcase for r in standings.teams_in(team.track_code)
                if r.team_code in done.scored}  # fmt: skip
        code, score = team.team_code, team.showcase
    rank = ranks_of(rows).get(code)
    return None if rank is None else (score, rank, len(rows))


def shown(score: Decimal | None) -> str:
    return "–" if score is None else f"{score:.2f}"


def contestants(data: ContestData) -> list[Person]:
    return [p for p in data.people if p.role is Role.CONTESTANT and p.team_code]


@pytest.mark.parametrize("kind", [RoundKind.THEORY, RoundKind.SHOWCASE])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), kept=st.sampled_from([0.0, 0.3, 0.8, 1.0]))
def test_each_contestant_is_told_their_rank_among_the_scored_of_their_track(
    demo_data: ContestData, kind: RoundKind, seed: int, kept: float
) -> None:
    snapshot, standings, inputs = partly_scored(demo_data, random.Random(seed), kept)
    for round_ in (r for r in demo_data.rounds if r.kind is kind):
        done = completeness_of(snapshot, round_, inputs)
        told = PersonalResults(round_, standings, 1, done)
        for person in contestants(demo_data):
            found = one_at_a_time(round_, standings, done, person)
            expected = (
                T(PENDING[kind]) if found is None
                else T(THEORY if kind is RoundKind.THEORY else SHOWCASE,
                       score=shown(found[0]), rank=found[1], count=found[2])
            )  # fmt: skip
            assert expected in told.text(T, person).splitlines()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), kept=st.sampled_from([0.3, 0.8, 1.0]))
def test_a_total_is_ranked_out_of_the_contestants_of_the_track_with_a_total(
    demo_data: ContestData, seed: int, kept: float
) -> None:
    snapshot, standings, inputs = partly_scored(demo_data, random.Random(seed), kept)
    arena = next(r for r in demo_data.rounds if r.kind is RoundKind.ARENA_PRELIMINARY)
    told = PersonalResults(arena, standings, 1, completeness_of(snapshot, arena, inputs))
    for row in (r for r in standings.individuals if r.rank is not None):
        person = next(p for p in demo_data.people if p.code == row.person_code)
        scored = [r for r in standings.individuals_in(row.track_code) if r.scored]
        assert T(TOTAL, total=shown(row.total), theory=shown(row.theory),
                 practical=shown(row.practical), rank=row.rank,
                 count=len(scored)) in told.text(T, person).splitlines()  # fmt: skip


def test_someone_without_a_row_is_told_no_result_was_recorded(demo_data: ContestData) -> None:
    snapshot, standings, inputs = partly_scored(demo_data, random.Random(1), 1.0)
    judge = next(p for p in demo_data.people if p.role is Role.JUDGE)
    round_ = next(r for r in demo_data.rounds if r.kind is RoundKind.THEORY)
    told = PersonalResults(round_, standings, 1, completeness_of(snapshot, round_, inputs))
    name = T.name(round_.name, round_.name_en)
    assert told.text(T, judge) == T(N_("No result has been recorded for you in {round}."),
                                    round=name)  # fmt: skip
