"""Whether every input of a round is in, before its results go out.

- Theory: the track's contestants (every contestant for a round of no track) are expected;
  a contestant is scored once the exam system's sheet gave them a paper. The round is
  complete when a sheet was imported and every expected contestant has a paper.
- Showcase: the round's teams (its running order; the track's teams without one) are
  expected, absent teams (skipped in the live run) excepted; a team is scored once every
  expected judge (`expected_judges`) has scored it.
- Arena: the round's teams, absent ones excepted; a team is scored once it has an event.
A round is complete when at least one unit is expected and none is missing; an incomplete
round can only be published on purpose ("publish anyway"), its missing units then pending.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.contest import Person, Round
from bot.domain.enums import Role, RoundKind
from bot.domain.judges import assigned_judges
from bot.domain.snapshot import ContestSnapshot

SCORED_KINDS = (RoundKind.THEORY, RoundKind.SHOWCASE, RoundKind.ARENA_PRELIMINARY)


@dataclass(frozen=True, slots=True)
class JudgeProgress:
    judge_code: str
    scored: tuple[str, ...]  # team codes, in running order
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Completeness:
    round_code: str
    kind: RoundKind
    expected: tuple[str, ...]  # person codes (theory) or team codes, absent teams excepted
    scored: tuple[str, ...]
    absent: tuple[str, ...] = ()
    judges: tuple[JudgeProgress, ...] = ()
    sheet_imported: bool = True  # theory only: has the exam system's sheet been imported

    @property
    def missing(self) -> tuple[str, ...]:
        done = set(self.scored)
        return tuple(code for code in self.expected if code not in done)

    @property
    def complete(self) -> bool:
        return bool(self.expected) and self.sheet_imported and not self.missing


def expected_judges(snapshot: ContestSnapshot, round_code: str) -> tuple[Person, ...]:
    """The judges whose scores a showcase round waits for: those assigned to it."""
    return assigned_judges(snapshot, round_code)


def round_teams(snapshot: ContestSnapshot, round_: Round) -> tuple[str, ...]:
    """The teams of a round in running order; without one, the teams of its track."""
    slots = snapshot.round_slots.get(round_.code, ())
    if codes := tuple(s.team_code for s in slots if s.team_code is not None):
        return tuple(dict.fromkeys(codes))
    return tuple(t.code for t in snapshot.data.teams if round_.track_code in (None, t.track_code))


def round_contestants(snapshot: ContestSnapshot, round_: Round) -> tuple[str, ...]:
    """The contestants a theory round is for: those of its track, or every contestant."""
    return tuple(
        p.code
        for p in snapshot.data.people
        if p.role is Role.CONTESTANT
        and p.team_code is not None
        and round_.track_code in (None, snapshot.teams[p.team_code].track_code)
    )


def theory_completeness(
    round_: Round, contestants: Sequence[str], papers: Collection[str], sheet_imported: bool
) -> Completeness:
    scored = tuple(code for code in contestants if code in papers)
    return Completeness(round_.code, round_.kind, tuple(contestants), scored,
                        sheet_imported=sheet_imported)  # fmt: skip


def showcase_completeness(
    round_: Round,
    teams: Sequence[str],
    judges: Sequence[str],
    scores: Mapping[str, Mapping[str, Decimal]],
    absent: Collection[str],
) -> Completeness:
    """`scores` is team code → judge code → score."""
    expected = tuple(code for code in teams if code not in absent)
    progress = tuple(
        JudgeProgress(
            judge,
            tuple(c for c in expected if judge in scores.get(c, {})),
            tuple(c for c in expected if judge not in scores.get(c, {})),
        )
        for judge in judges
    )
    scored = tuple(
        code
        for code in expected
        if judges and all(judge in scores.get(code, {}) for judge in judges)
    )
    absent_here = tuple(code for code in teams if code in absent)
    return Completeness(round_.code, round_.kind, expected, scored, absent_here, progress)


def arena_completeness(
    round_: Round, teams: Sequence[str], with_events: Collection[str], absent: Collection[str]
) -> Completeness:
    expected = tuple(code for code in teams if code not in absent)
    scored = tuple(code for code in expected if code in with_events)
    absent_here = tuple(code for code in teams if code in absent)
    return Completeness(round_.code, round_.kind, expected, scored, absent_here)
