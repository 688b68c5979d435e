"""The arena: what happens on stage, recorded as events, and the team scores they add up to.

- A mandatory question goes to each contestant (`mandatory_per_contestant`, default once):
  `mandatory_correct` points if right, `mandatory_wrong` (default 0) otherwise.
- A risk question: the team picks a tier card; right wins the tier's points, wrong or timed
  out loses them. Each card is used at most `cards` times per team (default once).
- A buzzer question: right `buzz_correct`, wrong `buzz_wrong`, an early buzz `buzz_early`.

A team's arena score is the starting bank plus the points of its events; with `floor_at_zero`
the final score is raised to 0 if it ends below (the floor applies to the total, not after each
event, so the score never depends on the order of events).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ZERO, ScoringRules


class RiskOutcome(StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    TIMEOUT = "timeout"


class BuzzOutcome(StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    EARLY = "early"


@dataclass(frozen=True, slots=True)
class MandatoryAnswer:
    team: str
    person: str
    correct: bool


@dataclass(frozen=True, slots=True)
class RiskPick:
    team: str
    tier: Decimal
    outcome: RiskOutcome


@dataclass(frozen=True, slots=True)
class Buzz:
    team: str
    outcome: BuzzOutcome


ArenaEvent = MandatoryAnswer | RiskPick | Buzz


def points(event: ArenaEvent, rules: ScoringRules) -> Decimal:
    """What one event adds to (or takes from) its team's score."""
    match event:
        case MandatoryAnswer(correct=correct):
            return rules.mandatory_correct if correct else rules.mandatory_wrong
        case RiskPick(tier=tier, outcome=outcome):
            return tier if outcome is RiskOutcome.CORRECT else -tier
        case Buzz(outcome=BuzzOutcome.CORRECT):
            return rules.buzz_correct
        case Buzz(outcome=BuzzOutcome.WRONG):
            return rules.buzz_wrong
        case _:
            return rules.buzz_early


def check_risk(events: Iterable[ArenaEvent], team: str, tier: Decimal, rules: ScoringRules) -> None:
    """Refuses a tier that does not exist or whose cards the team has used up."""
    used = sum(1 for e in events if isinstance(e, RiskPick) and (e.team, e.tier) == (team, tier))
    _refuse_risk(team, tier, used, rules)


def check_mandatory(
    events: Iterable[ArenaEvent], team: str, person: str, rules: ScoringRules
) -> None:
    """Refuses a mandatory answer beyond the contestant's quota or for another team."""
    answers = [e for e in events if isinstance(e, MandatoryAnswer) and e.person == person]
    _refuse_mandatory(team, person, {a.team for a in answers}, len(answers), rules)


def check_events(events: Iterable[ArenaEvent], rules: ScoringRules) -> None:
    """Replays the events in order and refuses the first that the rules would have refused."""
    cards: Counter[tuple[str, Decimal]] = Counter()
    answers: Counter[str] = Counter()
    teams_of: dict[str, set[str]] = {}
    for event in events:
        if isinstance(event, RiskPick):
            _refuse_risk(event.team, event.tier, cards[(event.team, event.tier)], rules)
            cards[(event.team, event.tier)] += 1
        elif isinstance(event, MandatoryAnswer):
            teams = teams_of.setdefault(event.person, set())
            _refuse_mandatory(event.team, event.person, teams, answers[event.person], rules)
            answers[event.person] += 1
            teams.add(event.team)


def arena_score(events: Sequence[ArenaEvent], team: str, rules: ScoringRules) -> Decimal:
    """The team's arena score after checking every event (see the module docstring)."""
    check_events(events, rules)
    score = rules.starting_bank + sum((points(e, rules) for e in events if e.team == team), ZERO)
    return max(score, ZERO) if rules.floor_at_zero else score


def arena_scores(events: Sequence[ArenaEvent], rules: ScoringRules) -> dict[str, Decimal]:
    """The arena score of every team that has at least one event, from one replay."""
    check_events(events, rules)
    totals: dict[str, Decimal] = {}
    for event in events:
        totals[event.team] = totals.get(event.team, rules.starting_bank) + points(event, rules)
    if rules.floor_at_zero:
        return {team: max(score, ZERO) for team, score in totals.items()}
    return totals


def mandatory_points(events: Iterable[ArenaEvent], person: str, rules: ScoringRules) -> Decimal:
    """The points a contestant earned with their own mandatory questions."""
    answers = (e for e in events if isinstance(e, MandatoryAnswer) and e.person == person)
    return sum((points(a, rules) for a in answers), ZERO)


def _refuse_risk(team: str, tier: Decimal, used: int, rules: ScoringRules) -> None:
    card = rules.risk_tier(tier)
    if card is None:
        tiers = ", ".join(str(t.points) for t in rules.risk_tiers)
        raise ScoringError(
            N_("{tier} is not a risk tier; the tiers are {tiers}"), tier=tier, tiers=tiers
        )
    if used >= card.cards:
        message = N_("team {team} has no {tier}-point risk card left")
        raise ScoringError(message, team=team, tier=tier)


def _refuse_mandatory(
    team: str, person: str, teams: set[str], answered: int, rules: ScoringRules
) -> None:
    if teams - {team}:
        message = N_("contestant {person} answered mandatory questions for another team")
        raise ScoringError(message, person=person, team=team)
    if answered >= rules.mandatory_per_contestant:
        message = N_("contestant {person} has already answered all their mandatory questions")
        raise ScoringError(message, person=person, team=team)
