"""How long recomputing the standings takes: 120 contestants and 40 teams, with every score in.

Usage (from the repository root):
    python -m bench.standings [--repeat R]
The inputs are the demo contest's people and teams with reproducible scores: theory and essay
for each contestant, seven judges' showcase scores and a full arena (mandatory questions, a risk
card of each tier, buzzer answers) for each team. One run trims the judges' scores, replays the
arena, computes both standings and grants the awards — what publishing a round recomputes.
Ends with one line: `standings_ms_p50=… p99=…`.
"""

import argparse
import random
import statistics
import time
from decimal import Decimal

from bot.demo.contest import demo_document
from bot.domain.contest import ContestData
from bot.domain.enums import Role
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
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping

JUDGES = 7


def demo() -> ContestData:
    draft, problems = parse_document(document_from_mapping(demo_document()))
    assert problems == []
    return draft.to_data()


def inputs(
    data: ContestData, rng: random.Random
) -> tuple[list[ContestantScores], dict[str, list[Decimal]], list[ArenaEvent]]:
    def points(low: int, high: int) -> Decimal:
        return Decimal(rng.randint(low * 100, high * 100)) / 100

    contestants = [
        ContestantScores.of(p, points(40, 100), points(5, 20))
        for p in data.people
        if p.role is Role.CONTESTANT
    ]
    judges = {team.code: [points(60, 100) for _ in range(JUDGES)] for team in data.teams}
    events: list[ArenaEvent] = []
    for team in data.teams:
        members = [p for p in data.people if p.team_code == team.code and p.role is Role.CONTESTANT]
        events += [MandatoryAnswer(team.code, p.code, rng.random() < 0.7) for p in members]
        events += [
            RiskPick(team.code, Decimal(t), rng.choice(list(RiskOutcome))) for t in (10, 20, 30)
        ]
        events += [Buzz(team.code, rng.choice(list(BuzzOutcome))) for _ in range(rng.randint(0, 6))]
    return contestants, judges, events


def run_once(
    data: ContestData,
    contestants: list[ContestantScores],
    judges: dict[str, list[Decimal]],
    events: list[ArenaEvent],
    rules: ScoringRules,
) -> None:
    arena = arena_scores(events, rules)
    teams = [
        TeamScores.of(team, trimmed_mean(judges[team.code], rules), arena.get(team.code))
        for team in data.teams
    ]
    table = compute_standings(contestants, teams, rules)
    grant_awards(table, {team.code for team in data.teams[:12]}, rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    data, rules = demo(), ScoringRules()
    contestants, judges, events = inputs(data, random.Random(20240926))
    print(f"{len(contestants)} contestants, {len(data.teams)} teams, {len(events)} arena events")
    run_once(data, contestants, judges, events, rules)  # warm-up
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        run_once(data, contestants, judges, events, rules)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, round(0.99 * (len(timings) - 1)))]
    print(f"standings_ms_p50={statistics.median(timings):.2f} p99={p99:.2f}")


if __name__ == "__main__":
    main()
