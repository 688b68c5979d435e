"""The showcase score of a team: the judges' scores without their extremes, averaged.

With `drop_highest = drop_lowest = 1` and the scores 90, 90, 80, 70, 70, exactly one 90 and one
70 are dropped (equal extremes count one copy each), leaving mean(90, 80, 70) = 80.00.
"""

from collections.abc import Sequence
from decimal import Decimal

from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules


def check_judge_score(score: Decimal, rules: ScoringRules) -> None:
    """Refuses a judge's score outside 0..showcase_max."""
    if not score.is_finite() or not 0 <= score <= rules.showcase_max:
        message = N_("a showcase score must be between 0 and {maximum}, got {score}")
        raise ScoringError(message, maximum=rules.showcase_max, score=score)


def trimmed_mean(scores: Sequence[Decimal], rules: ScoringRules) -> Decimal:
    """The mean of the scores left after dropping the extremes, rounded half-up."""
    for score in scores:
        check_judge_score(score, rules)
    high, low = rules.showcase_drop_highest, rules.showcase_drop_lowest
    needed = high + low + 1
    if len(scores) < needed:
        message = N_("the showcase needs at least {needed} judges' scores, got {count}")
        raise ScoringError(message, needed=needed, count=len(scores))
    ordered = sorted(scores)
    kept = ordered[low : len(ordered) - high]
    return rules.quantize(sum(kept, Decimal(0)) / len(kept))
