"""What the standings are computed from: a score line per contestant and per team."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.domain.contest import Person, Team
from bot.domain.enums import Role
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules


class Input(StrEnum):
    """The three inputs a total is made of, each from its own kind of round."""

    THEORY = "theory"
    SHOWCASE = "showcase"
    ARENA = "arena"


@dataclass(frozen=True, slots=True)
class ContestantScores:
    person_code: str
    team_code: str
    theory: Decimal | None = None
    essay: Decimal | None = None  # the essay part of the theory paper, for the tie-break

    @classmethod
    def of(
        cls, person: Person, theory: Decimal | None = None, essay: Decimal | None = None
    ) -> "ContestantScores":
        """The scores of a contestant; leaders, judges and others have no individual score."""
        if person.role is not Role.CONTESTANT or person.team_code is None:
            message = N_("{person} is not a contestant of a team")
            raise ScoringError(message, person=person.code)
        return cls(person.code, person.team_code, theory, essay)


@dataclass(frozen=True, slots=True)
class TeamScores:
    team_code: str
    track_code: str
    showcase: Decimal | None = None  # the trimmed mean of the judges' scores
    arena: Decimal | None = None

    @classmethod
    def of(
        cls, team: Team, showcase: Decimal | None = None, arena: Decimal | None = None
    ) -> "TeamScores":
        return cls(team.code, team.track_code, showcase, arena)


def check_inputs(
    contestants: Sequence[ContestantScores], teams: Sequence[TeamScores], rules: ScoringRules
) -> None:
    """Refuses repeated score lines, contestants of unknown teams and scores out of range."""
    team_codes = [t.team_code for t in teams]
    person_codes = [c.person_code for c in contestants]
    for codes, message in (
        (team_codes, N_("team {code} has more than one score line")),
        (person_codes, N_("contestant {code} has more than one score line")),
    ):
        if repeated := sorted(code for code, n in Counter(codes).items() if n > 1):
            raise ScoringError(message, code=repeated[0])
    known = set(team_codes)
    for c in contestants:
        if c.team_code not in known:
            message = N_("contestant {person} belongs to team {team}, which has no score line")
            raise ScoringError(message, person=c.person_code, team=c.team_code)
        _in_range(c.theory, rules.theory_max, c.person_code)
        _in_range(c.essay, rules.theory_max, c.person_code)
    for t in teams:
        _in_range(t.showcase, rules.showcase_max, t.team_code)
        if t.arena is not None and not t.arena.is_finite():
            raise ScoringError(N_("the arena score of {code} is not a number"), code=t.team_code)


def _in_range(score: Decimal | None, maximum: Decimal, code: str) -> None:
    if score is not None and not (score.is_finite() and 0 <= score <= maximum):
        message = N_("the score {score} of {code} is not between 0 and {maximum}")
        raise ScoringError(message, score=score, code=code, maximum=maximum)
