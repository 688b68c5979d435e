"""The arena scores of every team come from one replay and equal one replay per team."""

from collections.abc import Callable, Sequence
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.scoring.arena import ArenaEvent, arena_score, arena_scores
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from tests.domain.scoring.test_properties import RULE_SETS, accepted, event


def arena_scores_replayed_per_team(
    events: Sequence[ArenaEvent], rules: ScoringRules
) -> dict[str, Decimal]:
    """The former algorithm, kept as the oracle: every event checked once per team."""
    return {
        team: arena_score(events, team, rules) for team in dict.fromkeys(e.team for e in events)
    }


Scoring = Callable[[Sequence[ArenaEvent], ScoringRules], dict[str, Decimal]]


def outcome(
    scoring: Scoring, events: Sequence[ArenaEvent], rules: ScoringRules
) -> list[tuple[str, str]] | tuple[str, dict[str, str | int | Decimal]]:
    """The scores in order with their exact digits, or the refusal's message and values."""
    try:
        found = scoring(events, rules)
    except ScoringError as refused:
        return (refused.message, refused.params)
    return [(team, str(score)) for team, score in found.items()]


@st.composite
def histories(draw: st.DrawFn) -> tuple[ScoringRules, list[ArenaEvent]]:
    """Mostly histories the rules accept (their scores are compared), some they refuse."""
    rules = draw(st.sampled_from(RULE_SETS))
    events = draw(st.lists(event(rules), max_size=40))
    return rules, events if draw(st.integers(0, 4)) == 0 else accepted(events, rules)


@given(histories())
def test_one_replay_gives_every_team_the_score_of_one_replay_per_team(
    history: tuple[ScoringRules, list[ArenaEvent]],
) -> None:
    rules, events = history
    assert outcome(arena_scores, events, rules) == outcome(
        arena_scores_replayed_per_team, events, rules
    )
