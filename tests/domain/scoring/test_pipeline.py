"""From the judges' sheets and the arena events of one track to its standings and awards."""

from decimal import Decimal

from bot.domain.scoring.arena import (
    ArenaEvent,
    Buzz,
    BuzzOutcome,
    MandatoryAnswer,
    RiskOutcome,
    RiskPick,
    arena_scores,
)
from bot.domain.scoring.awards import grant_awards
from bot.domain.scoring.inputs import ContestantScores, TeamScores
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from bot.domain.scoring.standings import compute_standings
from tests.domain.scoring.builders import D

RULES = ScoringRules()
JUDGES = {
    "H01": ["92", "88", "90", "95", "85"],  # 90.00
    "H02": ["80", "80", "80", "80", "80"],  # 80.00
    "H03": ["70", "99", "75", "72", "60"],  # 72.33
}
EVENTS: list[ArenaEvent] = [
    MandatoryAnswer("H01", "P11", True),
    MandatoryAnswer("H01", "P12", True),
    MandatoryAnswer("H01", "P13", False),
    MandatoryAnswer("H02", "P21", True),
    MandatoryAnswer("H02", "P22", True),
    MandatoryAnswer("H02", "P23", True),
    MandatoryAnswer("H03", "P31", True),
    RiskPick("H01", D(30), RiskOutcome.CORRECT),
    RiskPick("H02", D(20), RiskOutcome.TIMEOUT),
    RiskPick("H03", D(10), RiskOutcome.WRONG),
    Buzz("H01", BuzzOutcome.EARLY),
    Buzz("H02", BuzzOutcome.CORRECT),
]
THEORY = {"P11": "90", "P12": "85", "P13": "70", "P21": "95", "P22": "60", "P23": "75"}
THEORY |= {"P31": "88", "P32": "50", "P33": "40"}


def test_a_track_from_judges_and_arena_events_to_awards() -> None:
    arenas = arena_scores(EVENTS, RULES)
    assert arenas == {"H01": D(40), "H02": D(20), "H03": D(0)}
    teams = [
        TeamScores(code, "12345", trimmed_mean([D(s) for s in JUDGES[code]], RULES), arenas[code])
        for code in JUDGES
    ]
    people = [ContestantScores(p, f"H0{p[1]}", Decimal(s)) for p, s in THEORY.items()]
    result = compute_standings(people, teams, RULES)

    # H01: 0.4 * 90 + 0.6 * 100 = 96.00; H02: 32 + 0.6 * 50 = 62.00; H03: 28.93 + 0 = 28.93.
    assert [(r.team_code, str(r.practical), str(r.total), r.rank) for r in result.teams] == [
        ("H01", "96.00", "91.70", 1),  # 0.3 * 81.67 (mean of 90, 85, 70) + 0.7 * 96
        ("H02", "62.00", "66.40", 2),
        ("H03", "28.93", "38.05", 3),
    ]
    totals = [(r.person_code, str(r.total), r.rank) for r in result.individuals]
    assert totals[:4] == [
        ("P11", "94.20", 1),
        ("P12", "92.70", 2),
        ("P13", "88.20", 3),
        ("P21", "71.90", 4),
    ]

    awarded = grant_awards(result, {"H01", "H02"}, RULES)
    assert [a.person_code for a in awarded.top_individuals] == ["P11", "P12", "P13"]
    assert [(p.team_code, p.prize) for p in awarded.team_prizes] == [
        ("H01", 1),
        ("H02", 2),
        ("H03", 2),
    ]
    assert [a.team_code for a in awarded.best_showcase] == ["H01"]
    # Nine contestants: the top ceil(4.5) = 5 ranks, finalists only.
    assert [a.person_code for a in awarded.excellent_contestants] == [
        "P11",
        "P12",
        "P13",
        "P21",
        "P23",
    ]
