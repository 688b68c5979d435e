"""The rule set: defaults from the design, organizers' configuration, refusals naming the key."""

from decimal import Decimal

import pytest

from bot.domain.scoring.rules import RiskTier, ScoringRules
from tests.domain.scoring.builders import D

DEFAULT = ScoringRules()


def test_the_defaults_are_the_rules_of_the_design() -> None:
    assert (DEFAULT.theory_max, DEFAULT.showcase_max, DEFAULT.decimals) == (D(100), D(100), 2)
    assert (DEFAULT.showcase_drop_highest, DEFAULT.showcase_drop_lowest) == (1, 1)
    assert (DEFAULT.mandatory_correct, DEFAULT.mandatory_wrong) == (D(10), D(0))
    assert [(t.points, t.cards) for t in DEFAULT.risk_tiers] == [(D(10), 1), (D(20), 1), (D(30), 1)]
    assert (DEFAULT.buzz_correct, DEFAULT.buzz_wrong, DEFAULT.buzz_early) == (D(10), D(-10), D(-10))
    assert (DEFAULT.starting_bank, DEFAULT.floor_at_zero) == (D(0), False)
    assert (DEFAULT.theory_weight, DEFAULT.practical_weight) == (D("0.3"), D("0.7"))
    assert (DEFAULT.showcase_weight, DEFAULT.arena_weight) == (D("0.4"), D("0.6"))
    assert (DEFAULT.individual_awards, DEFAULT.team_prizes) == (3, (1, 2, 3))
    assert DEFAULT.excellent_share == D("0.5")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("80.125", "80.13"),
        ("80.124", "80.12"),
        ("80.025", "80.03"),  # half-up, not banker's rounding (which gives 80.02)
        ("79.995", "80.00"),
        ("-0.005", "-0.01"),
        ("80", "80.00"),
    ],
)
def test_quantize_rounds_half_up_to_two_decimals(value: str, expected: str) -> None:
    assert str(DEFAULT.quantize(D(value))) == expected


def test_quantize_follows_the_configured_decimals() -> None:
    assert str(ScoringRules(decimals=1).quantize(D("80.25"))) == "80.3"


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        ({}, DEFAULT),
        (
            {"theory_weight": 0.4, "practical_weight": 0.6},
            ScoringRules(theory_weight=D("0.4"), practical_weight=D("0.6")),
        ),
        (
            {"risk_tiers": [10, {"points": 20, "cards": 2}]},
            ScoringRules(risk_tiers=(RiskTier(D(10)), RiskTier(D(20), 2))),
        ),
        (
            {"floor_at_zero": True, "starting_bank": "50"},
            ScoringRules(floor_at_zero=True, starting_bank=D(50)),
        ),
        ({"team_prizes": [1, 1, 1]}, ScoringRules(team_prizes=(1, 1, 1))),
        ({"buzz_wrong": -5, "buzz_early": 0}, ScoringRules(buzz_wrong=D(-5), buzz_early=D(0))),
        (
            {"showcase_drop_highest": 2, "showcase_max": 10.5},
            ScoringRules(showcase_drop_highest=2, showcase_max=D("10.5")),
        ),
        ({"risk_tiers": []}, ScoringRules(risk_tiers=())),
    ],
)
def test_from_mapping_reads_an_organizers_configuration(
    mapping: dict[str, object], expected: ScoringRules
) -> None:
    assert ScoringRules.from_mapping(mapping) == expected


def test_from_mapping_turns_yaml_floats_into_exact_decimals() -> None:
    rules = ScoringRules.from_mapping({"theory_weight": 0.3, "practical_weight": 0.7})
    assert rules.theory_weight == Decimal("0.3")


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"theroy_max": 100}, "theroy_max"),
        ({"theory_max": "a lot"}, "theory_max"),
        ({"theory_max": True}, "theory_max"),
        ({"theory_max": None}, "theory_max"),
        ({"theory_max": 0}, "theory_max"),
        ({"theory_max": "NaN"}, "theory_max"),
        ({"showcase_drop_highest": 1.5}, "showcase_drop_highest"),
        ({"showcase_drop_lowest": -1}, "showcase_drop_lowest"),
        ({"decimals": 9}, "decimals"),
        ({"floor_at_zero": "yes"}, "floor_at_zero"),
        ({"mandatory_wrong": 5}, "mandatory_wrong"),
        ({"mandatory_per_contestant": 0}, "mandatory_per_contestant"),
        ({"risk_tiers": "10, 20"}, "risk_tiers"),
        ({"risk_tiers": [10, 10]}, "risk_tiers"),
        ({"risk_tiers": [10, -20]}, "risk_tiers"),
        ({"risk_tiers": [{"cards": 2}]}, "risk_tiers[0].points"),
        ({"risk_tiers": [{"points": 10, "card": 2}]}, "risk_tiers[0]"),
        ({"risk_tiers": [{"points": 10, "cards": 0}]}, "risk_tiers"),
        ({"risk_tiers": [10, {"points": "x"}]}, "risk_tiers[1].points"),
        ({"buzz_wrong": 10}, "buzz_wrong"),
        ({"buzz_correct": -10}, "buzz_correct"),
        ({"starting_bank": -1}, "starting_bank"),
        ({"theory_weight": 0.4}, "practical_weight"),
        ({"showcase_weight": 1.2, "arena_weight": -0.2}, "showcase_weight"),
        ({"arena_scale": 0}, "arena_scale"),
        ({"individual_awards": -1}, "individual_awards"),
        ({"team_prizes": [1, -2]}, "team_prizes"),
        ({"team_prizes": [1, "two"]}, "team_prizes[1]"),
        ({"team_prizes": 3}, "team_prizes"),
        ({"excellent_share": 1.5}, "excellent_share"),
    ],
)
def test_from_mapping_refuses_a_bad_value_naming_its_key(
    mapping: dict[str, object], key: str
) -> None:
    with pytest.raises(ValueError, match=r".") as raised:
        ScoringRules.from_mapping(mapping)
    assert key in str(raised.value)


def test_the_rules_refuse_bad_values_when_built_directly_too() -> None:
    with pytest.raises(ValueError, match="excellent_share"):
        ScoringRules(excellent_share=D(2))


@pytest.mark.parametrize(("points", "found"), [(D(20), True), (D("20.0"), True), (D(15), False)])
def test_a_risk_tier_is_found_by_its_points(points: Decimal, found: bool) -> None:
    assert (DEFAULT.risk_tier(points) is not None) is found
