"""Awards from the standings, per track.

- Top individuals: the contestants ranked `individual_awards` (3) or better. Ties at the cut
  share the award, so more contestants may receive it (ranks 1, 2, 3, 3 make four winners).
- Team prizes: `team_prizes` = (first, second, third, ...) counts, given in rank order: with
  (1, 2, 3) rank 1 wins a first prize, ranks 2-3 a second, ranks 4-6 a third. Tied teams share
  the prize of their rank, which may award more prizes than the counts. A count of 0 leaves
  that prize unawarded and the next prize starts at the same rank.
- Best showcase: the highest trimmed mean among the teams with a showcase score, per track
  (or over all tracks if `best_showcase_per_track` is off); ties share it.
- Excellent contestants: the members of finalist teams whose individual rank in their track is
  within ceil(excellent_share * number of contestants in the track); ties at the cut share.
A track with fewer contestants, teams or finalists than prizes simply gets fewer awards.
The unscored (rank None) are never awarded; the excellent cut counts every contestant.
"""

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.standings import IndividualRow, Standings, TeamRow


@dataclass(frozen=True, slots=True)
class IndividualAward:
    person_code: str
    team_code: str
    track_code: str
    rank: int


@dataclass(frozen=True, slots=True)
class TeamPrize:
    team_code: str
    track_code: str
    prize: int  # 1 = first prize
    rank: int


@dataclass(frozen=True, slots=True)
class ShowcaseAward:
    team_code: str
    track_code: str
    showcase: Decimal


@dataclass(frozen=True, slots=True)
class Awards:
    top_individuals: tuple[IndividualAward, ...]
    team_prizes: tuple[TeamPrize, ...]
    best_showcase: tuple[ShowcaseAward, ...]
    excellent_contestants: tuple[IndividualAward, ...]


def top_individuals(standings: Standings, rules: ScoringRules) -> tuple[IndividualAward, ...]:
    rows = standings.individuals
    return tuple(
        _award(r) for r in rows if r.rank is not None and r.rank <= rules.individual_awards
    )


def prize_for_rank(rank: int, counts: Sequence[int]) -> int | None:
    """The prize (1 = first) of a team at this rank, or None beyond the last prize."""
    last = 0
    for prize, count in enumerate(counts, start=1):
        last += count
        if rank <= last and count:
            return prize
    return None


def team_prizes(standings: Standings, rules: ScoringRules) -> tuple[TeamPrize, ...]:
    prizes = []
    for row in standings.teams:
        if row.rank is None:
            continue
        if (prize := prize_for_rank(row.rank, rules.team_prizes)) is not None:
            prizes.append(TeamPrize(row.team_code, row.track_code, prize, row.rank))
    return tuple(prizes)


def best_showcase(standings: Standings, rules: ScoringRules) -> tuple[ShowcaseAward, ...]:
    groups: list[Sequence[TeamRow]] = (
        [standings.teams_in(track) for track in standings.tracks]
        if rules.best_showcase_per_track
        else [standings.teams]
    )
    awards: list[ShowcaseAward] = []
    for rows in groups:
        scored = [(r, r.showcase) for r in rows if r.showcase is not None]
        best = max((score for _, score in scored), default=None)
        awards += [ShowcaseAward(r.team_code, r.track_code, s) for r, s in scored if s == best]
    return tuple(awards)


def excellent_cut(contestants: int, rules: ScoringRules) -> int:
    """The worst rank within the top `excellent_share` of a track's contestants, rounded up."""
    return math.ceil(rules.excellent_share * contestants)


def excellent_contestants(
    standings: Standings, finalists: Collection[str], rules: ScoringRules
) -> tuple[IndividualAward, ...]:
    """Members of finalist teams ranked within the track's excellent cut."""
    known = {r.team_code for r in standings.teams}
    if unknown := sorted(set(finalists) - known):
        raise ScoringError(N_("the finalist team {team} has no score line"), team=unknown[0])
    awards: list[IndividualAward] = []
    for track in standings.tracks:
        rows = standings.individuals_in(track)
        cut = excellent_cut(len(rows), rules)
        awards += [
            _award(r)
            for r in rows
            if r.team_code in finalists and r.rank is not None and r.rank <= cut
        ]
    return tuple(awards)


def grant_awards(standings: Standings, finalists: Collection[str], rules: ScoringRules) -> Awards:
    return Awards(
        top_individuals=top_individuals(standings, rules),
        team_prizes=team_prizes(standings, rules),
        best_showcase=best_showcase(standings, rules),
        excellent_contestants=excellent_contestants(standings, finalists, rules),
    )


def _award(row: IndividualRow) -> IndividualAward:
    assert row.rank is not None  # only ranked rows are awarded
    return IndividualAward(row.person_code, row.team_code, row.track_code, row.rank)
