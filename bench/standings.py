"""How long recomputing the standings takes: the demo (120 contestants, 40 teams) and N times it.

Usage (from the repository root):
    python -m bench.standings [--scale N] [--repeat R]
The inputs are the contest's people and teams with reproducible scores: theory and essay for
each contestant, every assigned judge's showcase score and a full arena (mandatory questions, a
risk card of each tier, buzzer answers) for each team. Three paths are timed:
- `domain`: trims the judges' scores, replays the arena, computes both standings and grants the
  awards — the pure scoring rules alone;
- `draft`: the draft standings as the results service computes them from everything entered
  (completeness of every round, the showcase and arena scores, the standings) plus the awards;
- `told`: what publishing each scored round writes to every contestant, their own result
  (on standings computed beforehand).
--scale N (default 10) times the same on the demo copied N times (bench.import_contest.scaled),
with R // N runs (at least 5). Ends with one line:
`standings_ms_p50=… p99=… scaled_p50=… scaled_p99=… growth=…` (the draft path; growth is the
N× p50 over the demo p50), after a line `told_growth=…`, the same for the told path.
"""

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from bench.import_contest import scaled
from bot.demo.contest import demo_document
from bot.domain.contest import ContestData
from bot.domain.enums import Role, RoundKind
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
from bot.domain.scoring.completeness import SCORED_KINDS, expected_judges
from bot.domain.scoring.inputs import ContestantScores, TeamScores
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import trimmed_mean
from bot.domain.scoring.standings import Standings, compute_standings
from bot.domain.snapshot import ContestSnapshot
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.services.results import Inputs, completeness_of, table
from bot.texts.results import PersonalResults
from bot.texts.texts import Texts


def demo() -> ContestData:
    draft, problems = parse_document(document_from_mapping(demo_document()))
    assert problems == []
    return draft.to_data()


@dataclass(frozen=True)
class Case:
    """One contest with every score entered."""

    snapshot: ContestSnapshot
    inputs: Inputs
    finalists: set[str]

    @property
    def data(self) -> ContestData:
        return self.snapshot.data


def case(data: ContestData, rng: random.Random) -> Case:
    def points(low: int, high: int) -> Decimal:
        return Decimal(rng.randint(low * 100, high * 100)) / 100

    snapshot = ContestSnapshot.build(data, revision=1)
    contestants = [p for p in data.people if p.role is Role.CONTESTANT and p.team_code]
    theory: dict[str, tuple[Decimal, Decimal | None]] = {
        p.code: (points(40, 100), points(5, 20)) for p in contestants
    }
    members: dict[str, list[str]] = {}
    for p in contestants:
        members.setdefault(str(p.team_code), []).append(p.code)
    showcase: dict[str, dict[str, dict[str, Decimal]]] = {}
    arena: dict[str, list[ArenaEvent]] = {}
    for round_ in data.rounds:
        teams = [t for t in data.teams if round_.track_code in (None, t.track_code)]
        if round_.kind is RoundKind.SHOWCASE:
            judges = [j.code for j in expected_judges(snapshot, round_.code)]
            showcase[round_.code] = {t.code: {j: points(60, 100) for j in judges} for t in teams}
        elif round_.kind is RoundKind.ARENA_PRELIMINARY:
            arena[round_.code] = [e for t in teams for e in team_events(t.code, members, rng)]
    absent: dict[str, set[str]] = {r.code: set() for r in data.rounds}
    finalists = {t.code for t in data.teams[: len(data.teams) * 3 // 10]}
    return Case(snapshot, Inputs(theory, showcase, arena, absent), finalists)


def team_events(team: str, members: dict[str, list[str]], rng: random.Random) -> list[ArenaEvent]:
    events: list[ArenaEvent] = [
        MandatoryAnswer(team, person, rng.random() < 0.7) for person in members.get(team, [])
    ]
    events += [RiskPick(team, Decimal(t), rng.choice(list(RiskOutcome))) for t in (10, 20, 30)]
    events += [Buzz(team, rng.choice(list(BuzzOutcome))) for _ in range(rng.randint(0, 6))]
    return events


def domain_once(c: Case, rules: ScoringRules) -> None:
    """The scoring rules alone: showcase means, arena scores, standings, awards."""
    contestants = [
        ContestantScores.of(p, *c.inputs.theory[p.code])
        for p in c.data.people
        if p.role is Role.CONTESTANT and p.team_code
    ]
    showcase: dict[str, Decimal] = {}
    arena: dict[str, Decimal] = {}
    for scores in c.inputs.showcase.values():
        showcase |= {team: trimmed_mean(list(s.values()), rules) for team, s in scores.items()}
    for events in c.inputs.arena.values():
        arena |= arena_scores(events, rules)
    teams = [TeamScores.of(t, showcase.get(t.code), arena.get(t.code)) for t in c.data.teams]
    grant_awards(compute_standings(contestants, teams, rules), c.finalists, rules)


def draft_once(c: Case, rules: ScoringRules) -> None:
    """The draft standings as the results service computes them, and the awards."""
    standings = table(c.snapshot, c.inputs, rules, counted=set())
    grant_awards(standings, c.finalists, rules)


def told_once(c: Case, standings: Standings, texts: Texts) -> None:
    """Every contestant's own result in every round that is published, as a publication of it
    writes them."""
    people = [p for p in c.data.people if p.role is Role.CONTESTANT and p.team_code]
    for round_ in c.data.rounds:
        if round_.kind in SCORED_KINDS:
            told = PersonalResults(round_, standings, 1, completeness_of(c.snapshot, round_,
                                                                         c.inputs))  # fmt: skip
            for person in people:
                told.text(texts, person)


def timings(run: Callable[[], None], repeat: int) -> list[float]:
    run()  # warm-up
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        found.append((time.perf_counter() - started) * 1000)
    return sorted(found)


def p50(found: list[float]) -> float:
    return statistics.median(found)


def p99(found: list[float]) -> float:
    return found[min(len(found) - 1, round(0.99 * (len(found) - 1)))]


def measure(
    label: str, c: Case, rules: ScoringRules, repeat: int
) -> tuple[list[float], list[float]]:
    """Prints the three paths for one contest and returns the draft and told paths' timings."""
    events = sum(len(e) for e in c.inputs.arena.values())
    people = len(c.inputs.theory)
    print(f"{label}: {people} contestants, {len(c.data.teams)} teams, {events} arena events")
    domain = timings(lambda: domain_once(c, rules), repeat)
    draft = timings(lambda: draft_once(c, rules), repeat)
    standings = table(c.snapshot, c.inputs, rules, counted=set())
    texts = Texts(c.data.contest.default_locale, c.snapshot.zone)
    told = timings(lambda: told_once(c, standings, texts), repeat)
    for name, found in (("domain", domain), ("draft", draft), ("told", told)):
        print(f"  {name:<6} p50={p50(found):8.2f} ms  p99={p99(found):8.2f} ms")
    return draft, told


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    rules, data = ScoringRules(), demo()
    base, base_told = measure("demo", case(data, random.Random(20240926)), rules, args.repeat)
    big_case = case(scaled(data, args.scale), random.Random(20240926))
    big, big_told = measure(f"{args.scale}x", big_case, rules, max(5, args.repeat // args.scale))
    print(f"told_growth={p50(big_told) / p50(base_told):.1f}")
    print(
        f"standings_ms_p50={p50(base):.2f} p99={p99(base):.2f} "
        f"scaled_p50={p50(big):.2f} scaled_p99={p99(big):.2f} growth={p50(big) / p50(base):.1f}"
    )


if __name__ == "__main__":
    main()
