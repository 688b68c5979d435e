"""Entering scores: a judge's showcase score per team, the theory papers from the exam system.

Every change is written to the audit trail in the same transaction; after a round is
published, changing a score needs a reason.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from bot.domain.audit import AuditAction
from bot.domain.contest import Person, Team
from bot.domain.enums import Role, RoundKind
from bot.domain.judges import JudgeSheet, may_score
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.showcase import check_judge_score
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit import COMMAND_LINE, record
from bot.services.ports import UnitOfWork

CENT = Decimal("0.01")
NOT_ASSIGNED = N_("You are not assigned to score {round}.")
NO_TURN = N_("{team} has no turn in this round any more.")
REASON_NEEDED = N_("The round is published: a correction needs a reason.")


class Entry(StrEnum):
    SAVED = "saved"
    CORRECTED = "corrected"
    UNCHANGED = "unchanged"  # the same score again: a double tap or a repeated update


def showcase_teams(snapshot: ContestSnapshot, round_code: str) -> list[str]:
    """The teams with a turn in a showcase round, in running order."""
    round_ = snapshot.rounds.get(round_code)
    if round_ is None or round_.kind is not RoundKind.SHOWCASE:
        return []
    return [s.team_code for s in snapshot.round_slots.get(round_code, ()) if s.team_code]


def round_teams(snapshot: ContestSnapshot, round_code: str) -> tuple[Team, ...]:
    """The teams of a showcase round, in running order."""
    codes = showcase_teams(snapshot, round_code)
    return tuple(snapshot.teams[code] for code in codes if code in snapshot.teams)


async def judge_sheet(
    uow: UnitOfWork, snapshot: ContestSnapshot, round_code: str, judge: Person
) -> JudgeSheet:
    """The round's teams and the scores this judge has given them."""
    given = await uow.scores.showcase(round_code)
    mine = {team: scores[judge.code] for team, scores in given.items() if judge.code in scores}
    return JudgeSheet(round_teams(snapshot, round_code), mine)


@dataclass(frozen=True, slots=True)
class JudgeBoard:
    """A judge's round as their board shows it: the sheet, and the team whose score they type
    next (None: they tap one)."""

    sheet: JudgeSheet
    awaited: Team | None = None
    reason_needed: bool = False  # the awaited team's score is changed only with a reason


@dataclass(frozen=True, slots=True)
class Scored:
    entry: Entry
    board: JudgeBoard  # awaiting the next team still without this judge's score


async def judge_board(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    judge: Person,
    awaited_id: int | None = None,
) -> JudgeBoard:
    """The judge's board, awaiting the team of id `awaited_id` if it still has a turn."""
    sheet = await judge_sheet(uow, snapshot, round_code, judge)
    awaited = next((t for t in sheet.teams if t.id is not None and t.id == awaited_id), None)
    return await _awaiting(uow, round_code, judge, sheet, awaited)


async def score_showcase(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    judge: Person,
    round_code: str,
    team_code: str,
    score: Decimal,
    now: datetime,
    rules: ScoringRules,
    reason: str = "",
) -> Scored:
    """Enters the score (see `enter_showcase`), then the board awaits the next team."""
    entry = await enter_showcase(
        uow, snapshot, judge, round_code, team_code, score, now, rules, reason=reason
    )
    sheet = await judge_sheet(uow, snapshot, round_code, judge)
    return Scored(
        entry, await _awaiting(uow, round_code, judge, sheet, sheet.next_after(team_code))
    )


async def _awaiting(
    uow: UnitOfWork, round_code: str, judge: Person, sheet: JudgeSheet, team: Team | None
) -> JudgeBoard:
    if team is None:
        return JudgeBoard(sheet)
    return JudgeBoard(sheet, team, await needs_reason(uow, round_code, judge, team.code))


async def needs_reason(
    uow: UnitOfWork, round_code: str, judge: Person, team_code: str, score: Decimal | None = None
) -> bool:
    """Changing a score already given, after the round was published, needs a reason; giving
    the same `score` again changes nothing and needs none."""
    if await uow.publications.version(round_code) == 0:
        return False
    given = (await uow.scores.showcase(round_code)).get(team_code, {})
    return judge.code in given and (score is None or given[judge.code] != score)


async def enter_showcase(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    judge: Person,
    round_code: str,
    team_code: str,
    score: Decimal,
    now: datetime,
    rules: ScoringRules,
    reason: str = "",
) -> Entry:
    round_ = snapshot.rounds.get(round_code)
    if judge.role is not Role.JUDGE or round_ is None or round_.kind is not RoundKind.SHOWCASE:
        raise ScoringError(N_("Only judges score showcase teams."))
    if not may_score(judge, round_):
        raise ScoringError(NOT_ASSIGNED, round=round_.name)
    if team_code not in showcase_teams(snapshot, round_code):
        raise ScoringError(NO_TURN, team=team_code)
    check_judge_score(score, rules)
    if score != score.quantize(CENT):
        raise ScoringError(N_("Scores have at most two decimals, e.g. 91.25."))
    score = score.quantize(CENT)  # 91.5 is stored, shown and audited as 91.50
    if await needs_reason(uow, round_code, judge, team_code, score) and not reason.strip():
        raise ScoringError(REASON_NEEDED)
    before = await uow.scores.set_showcase(round_code, team_code, judge.code, score, now)
    if before == score:
        return Entry.UNCHANGED
    action = AuditAction.SCORE_ENTERED if before is None else AuditAction.SCORE_CORRECTED
    await record(
        uow, now, judge.code, action, f"showcase:{round_code}:{team_code}:{judge.code}",
        before={"score": str(before)} if before is not None else None,
        after={"score": str(score)}, reason=reason.strip(),
    )  # fmt: skip
    return Entry.SAVED if before is None else Entry.CORRECTED


async def import_theory(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    papers: Mapping[str, tuple[Decimal, Decimal | None]],
    now: datetime,
    rules: ScoringRules,
) -> int:
    """Stores the exam system's papers (person code → paper, essay); returns how many changed."""
    contestants = {p.code for p in snapshot.data.people if p.role is Role.CONTESTANT}
    for code, (paper, essay) in papers.items():
        if code not in contestants:
            raise ScoringError(N_("{code} is not a contestant of this contest."), code=code)
        for value in (paper, essay):
            if value is not None and not Decimal(0) <= value <= rules.theory_max:
                message = N_("The theory score {score} of {code} is not between 0 and {maximum}.")
                raise ScoringError(message, score=value, code=code, maximum=rules.theory_max)
    papers = {
        code: (paper.quantize(CENT), essay.quantize(CENT) if essay is not None else None)
        for code, (paper, essay) in papers.items()
    }
    before = await uow.scores.set_theory(papers, now)
    changed = 0
    for code, (paper, essay) in papers.items():
        old = before.get(code)
        if old == (paper, essay):
            continue
        changed += 1
        await record(
            uow, now, COMMAND_LINE, AuditAction.THEORY_IMPORTED, f"theory:{code}",
            before=_paper(old), after=_paper((paper, essay)),
        )  # fmt: skip
    return changed


def _paper(paper: tuple[Decimal, Decimal | None] | None) -> dict[str, str | None] | None:
    if paper is None:
        return None
    return {"paper": str(paper[0]), "essay": str(paper[1]) if paper[1] is not None else None}
