"""Properties of the scoring rules over generated contests."""

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.scoring.arena import (
    ArenaEvent,
    Buzz,
    BuzzOutcome,
    MandatoryAnswer,
    RiskOutcome,
    RiskPick,
    arena_score,
    check_events,
)
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.inputs import ContestantScores, TeamScores
from bot.domain.scoring.ranking import competition_ranks
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from bot.domain.scoring.standings import IndividualRow, TeamRow, compute_standings

TEAMS = ("H01", "H02", "H03", "H04")
RULE_SETS = [
    ScoringRules(),
    ScoringRules(floor_at_zero=True),
    ScoringRules(starting_bank=Decimal(50), floor_at_zero=True),
    ScoringRules.from_mapping({"risk_tiers": [5, {"points": 15, "cards": 2}], "decimals": 1}),
]
# Few distinct values, so that ties are frequent.
scores = st.sampled_from(["0", "50", "60.5", "80", "80.01", "100"]).map(Decimal)
optional_scores = st.none() | scores


def event(rules: ScoringRules) -> st.SearchStrategy[ArenaEvent]:
    teams, people = st.sampled_from(TEAMS), st.sampled_from(["1", "2", "3"])
    tiers = [t.points for t in rules.risk_tiers]
    return st.one_of(
        st.builds(lambda t, p, ok: MandatoryAnswer(t, t + p, ok), teams, people, st.booleans()),
        st.builds(RiskPick, teams, st.sampled_from(tiers), st.sampled_from(RiskOutcome)),
        st.builds(Buzz, teams, st.sampled_from(BuzzOutcome)),
    )


def allowed(events: Sequence[ArenaEvent], event: ArenaEvent, rules: ScoringRules) -> bool:
    try:
        check_events([*events, event], rules)
    except ScoringError:
        return False
    return True


def accepted(events: Sequence[ArenaEvent], rules: ScoringRules) -> list[ArenaEvent]:
    """The events the rules would have let through, in order."""
    kept: list[ArenaEvent] = []
    for e in events:
        if allowed(kept, e, rules):
            kept.append(e)
    return kept


@st.composite
def arena_history(draw: st.DrawFn) -> tuple[ScoringRules, list[ArenaEvent]]:
    rules = draw(st.sampled_from(RULE_SETS))
    return rules, accepted(draw(st.lists(event(rules), max_size=30)), rules)


@st.composite
def score_lines(draw: st.DrawFn) -> tuple[list[ContestantScores], list[TeamScores]]:
    teams = [
        TeamScores(code, draw(st.sampled_from(["A", "B"])), draw(optional_scores), arena)
        for code in TEAMS
        for arena in [draw(st.none() | st.integers(-60, 90).map(Decimal))]
    ]
    contestants = [
        ContestantScores(f"{code}{n}", code, draw(optional_scores), draw(optional_scores))
        for code in TEAMS
        for n in range(draw(st.integers(0, 3)))
    ]
    return contestants, teams


rank_keys = st.tuples(st.integers(0, 3), st.integers(0, 3)).map(lambda k: tuple(map(Decimal, k)))


@given(st.lists(rank_keys))
def test_ranks_form_a_competition_ranking(keys: list[tuple[Decimal, ...]]) -> None:
    ranks = competition_ranks(keys)
    for key, rank in zip(keys, ranks, strict=True):
        assert rank == 1 + sum(1 for other in keys if other > key)


@given(score_lines())
def test_standing_ranks_are_sorted_and_count_the_scored_rows_strictly_better(
    lines: tuple[list[ContestantScores], list[TeamScores]],
) -> None:
    result = compute_standings(*lines, ScoringRules())
    for track in result.tracks:
        people = result.individuals_in(track)
        keys = [(r.total, r.practical, r.theory or 0, r.essay or 0) for r in people]
        assert_ranked_among_the_scored(people, keys)
        teams = result.teams_in(track)
        assert_ranked_among_the_scored(teams, [(r.total, r.practical, r.theory, r.essay)
                                               for r in teams])  # fmt: skip


def assert_ranked_among_the_scored(
    rows: Sequence[IndividualRow | TeamRow], keys: list[Any]
) -> None:
    """Scored rows first in rank order, each ranked one more than the scored rows strictly
    better; the unscored after them, without a rank."""
    ranks = [r.rank for r in rows]
    scored = [rank for rank in ranks if rank is not None]
    assert ranks == [*sorted(scored), *[None] * (len(ranks) - len(scored))]
    scored_keys = [key for key, rank in zip(keys, ranks, strict=True) if rank is not None]
    for key, rank in zip(keys, ranks, strict=True):
        if rank is not None:
            assert rank == 1 + sum(1 for other in scored_keys if other > key)


def correct_answers(rules: ScoringRules, team: str) -> list[ArenaEvent]:
    return [
        MandatoryAnswer(team, f"{team}-new", True),
        Buzz(team, BuzzOutcome.CORRECT),
        *(RiskPick(team, tier.points, RiskOutcome.CORRECT) for tier in rules.risk_tiers),
    ]


@given(arena_history(), score_lines(), st.sampled_from(TEAMS), st.data())
def test_a_correct_answer_never_lowers_the_teams_arena_score_nor_its_totals(
    history: tuple[ScoringRules, list[ArenaEvent]],
    lines: tuple[list[ContestantScores], list[TeamScores]],
    team: str,
    data: st.DataObject,
) -> None:
    rules, events = history
    extra = [e for e in correct_answers(rules, team) if allowed(events, e, rules)]
    more = [*events, data.draw(st.sampled_from(extra))]
    assert arena_score(more, team, rules) >= arena_score(events, team, rules)

    contestants, teams = lines

    def totals(history: list[ArenaEvent]) -> list[Decimal]:
        arenas = [replace(t, arena=arena_score(history, t.team_code, rules)) for t in teams]
        result = compute_standings(contestants, arenas, rules)
        rows = [r.total for r in result.teams if r.team_code == team]
        return rows + [r.total for r in result.individuals if r.team_code == team]

    for before, after in zip(totals(events), totals(more), strict=True):
        assert after >= before


@given(st.lists(scores, min_size=3, max_size=12), st.integers(0, 2), st.integers(0, 2))
def test_the_trimmed_mean_lies_between_the_lowest_and_highest_score(
    judges: list[Decimal], high: int, low: int
) -> None:
    rules = ScoringRules(showcase_drop_highest=high, showcase_drop_lowest=low)
    if len(judges) <= high + low:
        return
    assert min(judges) <= trimmed_mean(judges, rules) <= max(judges)
