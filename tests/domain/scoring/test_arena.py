"""The arena: mandatory, risk and buzzer questions recorded as events, added up per team."""

from decimal import Decimal

import pytest

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
    points,
)
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from tests.domain.scoring.builders import D

DEFAULT = ScoringRules()
RIGHT, WRONG, TIMEOUT = RiskOutcome.CORRECT, RiskOutcome.WRONG, RiskOutcome.TIMEOUT


def risk(tier: int, outcome: RiskOutcome, team: str = "H01") -> RiskPick:
    return RiskPick(team, D(tier), outcome)


def answer(person: str, correct: bool = True, team: str = "H01") -> MandatoryAnswer:
    return MandatoryAnswer(team, person, correct)


def buzz(outcome: BuzzOutcome, team: str = "H01") -> Buzz:
    return Buzz(team, outcome)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (answer("P1", correct=True), 10),
        (answer("P1", correct=False), 0),
        (risk(10, RIGHT), 10),
        (risk(20, RIGHT), 20),
        (risk(30, RIGHT), 30),
        (risk(10, WRONG), -10),
        (risk(20, WRONG), -20),
        (risk(30, TIMEOUT), -30),
        (risk(10, TIMEOUT), -10),
        (buzz(BuzzOutcome.CORRECT), 10),
        (buzz(BuzzOutcome.WRONG), -10),
        (buzz(BuzzOutcome.EARLY), -10),
    ],
)
def test_each_arena_event_is_worth_its_points(event: ArenaEvent, expected: int) -> None:
    assert points(event, DEFAULT) == D(expected)


def test_the_points_of_each_event_are_configurable() -> None:
    rules = ScoringRules(
        mandatory_correct=D(20), mandatory_wrong=D(-5), buzz_correct=D(15), buzz_early=D(-20)
    )
    events: list[ArenaEvent] = [
        answer("P1"),
        answer("P2", False),
        buzz(BuzzOutcome.CORRECT),
        buzz(BuzzOutcome.EARLY),
    ]
    assert [points(e, rules) for e in events] == [D(20), D(-5), D(15), D(-20)]


@pytest.mark.parametrize(
    ("config", "events", "expected"),
    [
        ({}, [], 0),
        ({"starting_bank": 100}, [], 100),
        ({}, [answer("P1"), answer("P2"), answer("P3")], 30),
        ({}, [answer("P1"), answer("P2", False), risk(20, RIGHT)], 30),
        ({}, [risk(30, WRONG)], -30),
        ({"floor_at_zero": True}, [risk(30, WRONG)], 0),
        ({"starting_bank": 50}, [risk(30, WRONG), buzz(BuzzOutcome.WRONG)], 10),
        ({"starting_bank": 50, "floor_at_zero": True}, [risk(30, TIMEOUT), risk(20, WRONG)], 0),
        # The floor applies to the final score, not after each event.
        ({"floor_at_zero": True}, [risk(30, WRONG), risk(20, RIGHT)], 0),
        ({"floor_at_zero": True}, [risk(30, WRONG)] + [buzz(BuzzOutcome.CORRECT)] * 4, 10),
        ({}, [risk(30, RIGHT, team="H02"), buzz(BuzzOutcome.EARLY, team="H03")], 0),
    ],
)
def test_the_arena_score_is_the_starting_bank_plus_the_points_of_the_teams_events(
    config: dict[str, object], events: list[ArenaEvent], expected: int
) -> None:
    assert arena_score(events, "H01", ScoringRules.from_mapping(config)) == D(expected)


def test_arena_scores_adds_up_every_team_with_events() -> None:
    events: list[ArenaEvent] = [
        answer("P1"),
        risk(30, WRONG, team="H02"),
        buzz(BuzzOutcome.CORRECT, team="H02"),
    ]
    assert arena_scores(events, DEFAULT) == {"H01": D(10), "H02": D(-20)}


@pytest.mark.parametrize(
    ("history", "team", "tier"),
    [
        ([], "H01", 10),
        ([risk(10, RIGHT)], "H01", 20),
        ([risk(10, RIGHT), risk(20, WRONG)], "H01", 30),
        ([risk(30, RIGHT, team="H02")], "H01", 30),  # another team's card is not this team's
    ],
)
def test_an_unused_risk_card_may_be_picked(history: list[ArenaEvent], team: str, tier: int) -> None:
    check_risk(history, team, D(tier), DEFAULT)


@pytest.mark.parametrize(
    ("history", "tier"),
    [
        ([risk(10, RIGHT)], D(10)),
        ([risk(20, WRONG)], D(20)),
        ([risk(30, TIMEOUT)], D("30.0")),
        ([risk(10, WRONG), risk(30, RIGHT)], D(30)),
    ],
)
def test_a_risk_card_already_used_is_refused(history: list[ArenaEvent], tier: Decimal) -> None:
    with pytest.raises(ScoringError) as raised:
        check_risk(history, "H01", tier, DEFAULT)
    assert raised.value.params == {"team": "H01", "tier": tier}


def test_a_tier_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ScoringError) as raised:
        check_risk([], "H01", D(15), DEFAULT)
    assert raised.value.params["tiers"] == "10, 20, 30"


def test_a_tier_with_two_cards_may_be_picked_twice_but_not_three_times() -> None:
    rules = ScoringRules.from_mapping({"risk_tiers": [10, {"points": 20, "cards": 2}]})
    check_risk([risk(20, RIGHT)], "H01", D(20), rules)
    with pytest.raises(ScoringError):
        check_risk([risk(20, RIGHT), risk(20, WRONG)], "H01", D(20), rules)


@pytest.mark.parametrize(
    "history",
    [
        [risk(10, RIGHT), risk(10, RIGHT)],
        [risk(20, WRONG), answer("P1"), risk(20, RIGHT)],
        [risk(40, RIGHT)],
        [answer("P1"), answer("P1")],
        [answer("P1"), answer("P1", team="H02")],
    ],
)
def test_the_score_of_a_history_the_rules_would_have_refused_is_refused(
    history: list[ArenaEvent],
) -> None:
    with pytest.raises(ScoringError):
        check_events(history, DEFAULT)
    with pytest.raises(ScoringError):
        arena_score(history, "H01", DEFAULT)


@pytest.mark.parametrize(
    ("history", "team", "person", "allowed"),
    [
        ([], "H01", "P1", True),
        ([answer("P2")], "H01", "P1", True),
        ([answer("P1")], "H01", "P1", False),
        ([answer("P1", False)], "H01", "P1", False),
        ([answer("P1", team="H02")], "H01", "P1", False),
    ],
)
def test_each_contestant_answers_one_mandatory_question_for_their_team(
    history: list[ArenaEvent], team: str, person: str, allowed: bool
) -> None:
    if allowed:
        check_mandatory(history, team, person, DEFAULT)
    else:
        with pytest.raises(ScoringError):
            check_mandatory(history, team, person, DEFAULT)


def test_the_number_of_mandatory_questions_per_contestant_is_configurable() -> None:
    rules = ScoringRules(mandatory_per_contestant=2)
    check_mandatory([answer("P1")], "H01", "P1", rules)
    with pytest.raises(ScoringError):
        check_mandatory([answer("P1"), answer("P1")], "H01", "P1", rules)


@pytest.mark.parametrize(
    ("events", "person", "expected"),
    [
        ([], "P1", 0),
        ([answer("P1")], "P1", 10),
        ([answer("P1", False)], "P1", 0),
        ([answer("P2"), risk(30, RIGHT), buzz(BuzzOutcome.CORRECT)], "P1", 0),
        ([answer("P1"), answer("P2"), answer("P3", False)], "P2", 10),
    ],
)
def test_mandatory_points_are_the_contestants_own_answers(
    events: list[ArenaEvent], person: str, expected: int
) -> None:
    assert mandatory_points(events, person, DEFAULT) == D(expected)
