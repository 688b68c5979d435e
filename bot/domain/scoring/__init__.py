"""The scoring rules of the contest: showcase, arena, totals, standings and awards.

Pure and configurable: every number comes from `ScoringRules`; scores are `Decimal`.
"""

from bot.domain.scoring.arena import (
    ArenaEvent,
    Buzz,
    BuzzOutcome,
    MandatoryAnswer,
    RiskOutcome,
    RiskPick,
    arena_score,
    arena_scores,
    check_events,
    check_mandatory,
    check_risk,
    mandatory_points,
)
from bot.domain.scoring.awards import (
    Awards,
    IndividualAward,
    ShowcaseAward,
    TeamPrize,
    best_showcase,
    excellent_contestants,
    grant_awards,
    team_prizes,
    top_individuals,
)
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.inputs import ContestantScores, TeamScores
from bot.domain.scoring.rules import RiskTier, ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from bot.domain.scoring.standings import IndividualRow, Standings, TeamRow, compute_standings

__all__ = [
    "ArenaEvent",
    "Awards",
    "Buzz",
    "BuzzOutcome",
    "ContestantScores",
    "IndividualAward",
    "IndividualRow",
    "MandatoryAnswer",
    "RiskOutcome",
    "RiskPick",
    "RiskTier",
    "ScoringError",
    "ScoringRules",
    "ShowcaseAward",
    "Standings",
    "TeamPrize",
    "TeamRow",
    "TeamScores",
    "arena_score",
    "arena_scores",
    "best_showcase",
    "check_events",
    "check_mandatory",
    "check_risk",
    "compute_standings",
    "excellent_contestants",
    "grant_awards",
    "mandatory_points",
    "team_prizes",
    "top_individuals",
    "trimmed_mean",
]
