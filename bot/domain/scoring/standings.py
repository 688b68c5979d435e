"""Totals and standings per track, for contestants and for teams.

- A contestant's practical score is their team's practical score: the showcase and the arena
  are team performances, so the three members of a team share it.
- Team practical = showcase_weight * showcase + arena_weight * normalised arena.
- Normalised arena = arena_scale * team arena / best arena of the track's teams that have one,
  clamped at 0 (a negative arena score normalises to 0); every team gets 0 when the best is
  0 or less. A team without an arena or showcase score gets 0 for it.
- Individual total = theory_weight * theory + practical_weight * practical.
- Team total = theory_weight * mean(members' theory) + practical_weight * team practical.
- A missing theory or essay score (absent from the exam, not yet graded) counts as 0.
- Every computed figure (team means, normalised arena, practical, totals) is rounded half-up
  to `decimals` places, and later figures are computed from the rounded ones, so anyone can
  recompute a total from the published sheet.
- Ranks are competition ranks within the track: higher total, then practical, then theory,
  then essay (a team's theory and essay are its members' means); still tied shares the rank.

Who is scored. Only scored rows are ranked; an unscored row has rank None, is listed after
the scored rows of its track (by code) and never shares, takes or pushes back a rank.
- The inputs of a contestant's row are their own theory paper and their team's showcase and
  arena scores; the inputs of a team's row are its showcase and arena scores and its theory,
  which it has once any member has a paper (an absent member's paper counts 0 in the mean).
- `required` names, per track, the inputs that must be there: the inputs of the rounds that
  count (published ones, or complete ones in a draft). A row is scored when it has at least
  one input and every required one; so with nothing required, a team with no showcase and no
  arena score and whose members have no paper is unscored, and a contestant with no paper in
  a track whose theory counts is unscored.
- The per-round tables (a theory paper, a showcase, an arena) rank on that round's score
  alone: a contestant without a paper, a team without that round's score is unscored there
  (see `ranking.ranks_of`).
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.domain.scoring.inputs import ContestantScores, Input, TeamScores, check_inputs
from bot.domain.scoring.ranking import SortKey, ranks_among_scored
from bot.domain.scoring.rules import ZERO, ScoringRules


@dataclass(frozen=True, slots=True)
class IndividualRow:
    person_code: str
    team_code: str
    track_code: str
    theory: Decimal | None
    practical: Decimal
    total: Decimal
    rank: int | None  # None: not scored (see the module docstring)
    essay: Decimal | None = None

    @property
    def scored(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True, slots=True)
class TeamRow:
    team_code: str
    track_code: str
    theory: Decimal  # mean of the members' theory scores
    showcase: Decimal | None
    arena: Decimal | None
    arena_normalised: Decimal
    practical: Decimal
    total: Decimal
    rank: int | None  # None: not scored (see the module docstring)
    essay: Decimal = ZERO  # mean of the members' essay scores

    @property
    def scored(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True, slots=True)
class Standings:
    """Rows ordered by track code, then rank (the unscored last), then code."""

    individuals: tuple[IndividualRow, ...]
    teams: tuple[TeamRow, ...]

    @property
    def tracks(self) -> tuple[str, ...]:
        codes = [r.track_code for r in self.teams] + [r.track_code for r in self.individuals]
        return tuple(sorted(set(codes)))

    def individuals_in(self, track_code: str) -> tuple[IndividualRow, ...]:
        return tuple(r for r in self.individuals if r.track_code == track_code)

    def teams_in(self, track_code: str) -> tuple[TeamRow, ...]:
        return tuple(r for r in self.teams if r.track_code == track_code)


Required = Mapping[str, Collection[Input]]  # track code → the inputs every row must have


def normalised_arena(arena: Decimal | None, best: Decimal, rules: ScoringRules) -> Decimal:
    """`arena_scale * arena / best`, never below 0; 0 without a score or when best <= 0."""
    if arena is None or best <= 0:
        return rules.quantize(ZERO)
    return rules.quantize(max(rules.arena_scale * arena / best, ZERO))


def team_practical(showcase: Decimal | None, normalised: Decimal, rules: ScoringRules) -> Decimal:
    weighted = rules.showcase_weight * (showcase or ZERO) + rules.arena_weight * normalised
    return rules.quantize(weighted)


def weighted_total(theory: Decimal | None, practical: Decimal, rules: ScoringRules) -> Decimal:
    return rules.quantize(
        rules.theory_weight * (theory or ZERO) + rules.practical_weight * practical
    )


def compute_standings(
    contestants: Sequence[ContestantScores],
    teams: Sequence[TeamScores],
    rules: ScoringRules,
    required: Required | None = None,
) -> Standings:
    """The individual and team standings of every track (rules in the module docstring)."""
    check_inputs(contestants, teams, rules)
    required = required or {}
    members: dict[str, list[ContestantScores]] = {}
    for c in contestants:
        members.setdefault(c.team_code, []).append(c)
    team_rows: list[TeamRow] = []
    for track in sorted({t.track_code for t in teams}):
        in_track = [t for t in teams if t.track_code == track]
        team_rows += _team_rows(in_track, members, rules, required.get(track, ()))
    by_code = {r.team_code: r for r in team_rows}
    rows = [_individual(c, by_code[c.team_code], rules) for c in contestants]
    individuals: list[IndividualRow] = []
    for track in sorted({r.track_code for r in rows}):
        people = [r for r in rows if r.track_code == track]
        individuals += _ranked_individuals(people, by_code, required.get(track, ()))
    return Standings(tuple(individuals), tuple(team_rows))


def individual_inputs(row: IndividualRow, team: TeamRow) -> set[Input]:
    """The inputs a contestant's row has: their paper, their team's showcase and arena."""
    paper = {Input.THEORY} if row.theory is not None else set()
    return paper | _practical_inputs(team)


def is_scored(present: Collection[Input], required: Collection[Input]) -> bool:
    """At least one input, and every required one."""
    return bool(present) and set(required) <= set(present)


def _practical_inputs(team: TeamRow) -> set[Input]:
    scores = ((Input.SHOWCASE, team.showcase), (Input.ARENA, team.arena))
    return {kind for kind, score in scores if score is not None}


def _ranked(keys: Sequence[SortKey], scored: Sequence[bool]) -> list[int | None]:
    return ranks_among_scored([k if ok else None for k, ok in zip(keys, scored, strict=True)])


def _order(rank: int | None, code: str) -> tuple[bool, int, str]:
    return (rank is None, rank or 0, code)


def _individual(c: ContestantScores, team: TeamRow, rules: ScoringRules) -> IndividualRow:
    total = weighted_total(c.theory, team.practical, rules)
    return IndividualRow(
        c.person_code,
        c.team_code,
        team.track_code,
        c.theory,
        team.practical,
        total,
        None,
        c.essay,
    )


def _ranked_individuals(
    rows: list[IndividualRow], teams: Mapping[str, TeamRow], required: Collection[Input]
) -> list[IndividualRow]:
    keys = [(r.total, r.practical, r.theory or ZERO, r.essay or ZERO) for r in rows]
    scored = [is_scored(individual_inputs(r, teams[r.team_code]), required) for r in rows]
    ranks = _ranked(keys, scored)
    ranked = [replace(r, rank=n) for r, n in zip(rows, ranks, strict=True)]
    return sorted(ranked, key=lambda r: _order(r.rank, r.person_code))


def _team_rows(
    teams: Sequence[TeamScores],
    members_of: Mapping[str, Sequence[ContestantScores]],
    rules: ScoringRules,
    required: Collection[Input],
) -> list[TeamRow]:
    """The ranked rows of the teams of one track; `members_of` maps a team to its members."""
    best = max((t.arena for t in teams if t.arena is not None), default=ZERO)
    rows, scored = [], []
    for t in teams:
        members = members_of.get(t.team_code, ())
        theory = _mean([c.theory for c in members], rules)
        normalised = normalised_arena(t.arena, best, rules)
        practical = team_practical(t.showcase, normalised, rules)
        row = TeamRow(
            team_code=t.team_code,
            track_code=t.track_code,
            theory=theory,
            showcase=t.showcase,
            arena=t.arena,
            arena_normalised=normalised,
            practical=practical,
            total=weighted_total(theory, practical, rules),
            rank=None,
            essay=_mean([c.essay for c in members], rules),
        )
        rows.append(row)
        paper = {Input.THEORY} if any(c.theory is not None for c in members) else set()
        scored.append(is_scored(paper | _practical_inputs(row), required))
    keys = [(r.total, r.practical, r.theory, r.essay) for r in rows]
    ranked = [replace(r, rank=n) for r, n in zip(rows, _ranked(keys, scored), strict=True)]
    return sorted(ranked, key=lambda r: _order(r.rank, r.team_code))


def _mean(values: Sequence[Decimal | None], rules: ScoringRules) -> Decimal:
    if not values:
        return rules.quantize(ZERO)
    return rules.quantize(sum((v or ZERO for v in values), ZERO) / len(values))
