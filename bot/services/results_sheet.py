"""The results export: the published results (or the draft) and what holds the awards back."""

from dataclasses import dataclass

from bot.domain.contest import Round
from bot.domain.scoring.completeness import Completeness
from bot.domain.scoring.rules import ScoringRules
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork
from bot.services.results import SCORED, complete_rounds, completeness_of, load_inputs, table


@dataclass(frozen=True, slots=True)
class HeldBack:
    """A round that keeps the awards back: incomplete, or (for the published results) not
    published."""

    round: Round
    done: Completeness
    published: bool


@dataclass(frozen=True, slots=True)
class ResultsSheet:
    table: Standings
    held_back: tuple[HeldBack, ...]  # awards and certificates only when this is empty
    draft: bool


async def results_sheet(
    uow: UnitOfWork, snapshot: ContestSnapshot, rules: ScoringRules, draft: bool = False
) -> ResultsSheet:
    """The published results (or the draft), and the rounds that hold the awards back: every
    scored round must be complete, and for the published results published too."""
    inputs = await load_inputs(uow, snapshot)
    published = set(await uow.publications.published())
    if draft:
        result = table(snapshot, inputs, rules, published | complete_rounds(snapshot, inputs))
    else:
        result = table(snapshot, inputs, rules, published, published)
    held = []
    for round_ in snapshot.data.rounds:
        if round_.kind not in SCORED:
            continue
        done = completeness_of(snapshot, round_, inputs)
        out = round_.code in published
        if not done.complete or (not draft and not out):
            held.append(HeldBack(round_, done, out))
    return ResultsSheet(result, tuple(held), draft)
