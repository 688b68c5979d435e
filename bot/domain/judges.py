"""Which judges score which rounds: assigned by track, or by round, in the contest file."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.contest import ContestData, Person, Round, Team
from bot.domain.enums import Role, RoundKind
from bot.domain.snapshot import ContestSnapshot


def is_assigned(judge: Person) -> bool:
    """Whether the judge has assignments; one without scores every round."""
    return bool(judge.judge_tracks or judge.judge_rounds)


def may_score(judge: Person, round_: Round) -> bool:
    """A judge scores a showcase round they are assigned to, by its track or by its code."""
    if judge.role is not Role.JUDGE or round_.kind is not RoundKind.SHOWCASE:
        return False
    if not is_assigned(judge):
        return True
    by_track = round_.track_code is not None and round_.track_code in judge.judge_tracks
    return by_track or round_.code in judge.judge_rounds


def assigned_judges(contest: ContestData | ContestSnapshot, round_code: str) -> tuple[Person, ...]:
    """The judges expected to score the round, in the order of the People sheet."""
    data = contest.data if isinstance(contest, ContestSnapshot) else contest
    round_ = next((r for r in data.rounds if r.code == round_code), None)
    if round_ is None:
        return ()
    return tuple(p for p in data.people if may_score(p, round_))


def judged_rounds(contest: ContestData | ContestSnapshot, judge: Person) -> tuple[Round, ...]:
    """The rounds the judge may score, in the order of the Rounds sheet."""
    data = contest.data if isinstance(contest, ContestSnapshot) else contest
    return tuple(r for r in data.rounds if may_score(judge, r))


@dataclass(frozen=True, slots=True)
class JudgeSheet:
    """One judge's view of a round: its teams in running order and the judge's own scores."""

    teams: tuple[Team, ...]
    scores: Mapping[str, Decimal]  # team code → this judge's score

    @property
    def unscored(self) -> tuple[Team, ...]:
        return tuple(t for t in self.teams if t.code not in self.scores)

    @property
    def unscored_first(self) -> tuple[Team, ...]:
        """The teams still to score, then the scored ones, each in running order."""
        return self.unscored + tuple(t for t in self.teams if t.code in self.scores)

    def next_after(self, team_code: str) -> Team | None:
        """The first unscored team after `team_code` in running order, else the first at all."""
        codes = [t.code for t in self.teams]
        place = codes.index(team_code) if team_code in codes else -1
        later = [t for t in self.teams[place + 1 :] if t.code not in self.scores]
        waiting = later or list(self.unscored)
        return waiting[0] if waiting else None
