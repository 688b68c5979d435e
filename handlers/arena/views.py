"""The arena board: the teams' arena scores, then the buttons of the next step. The last
button of each step carries the board's version, so a double tap records the event once."""

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.contest import Round, Team
from bot.domain.problems import N_
from bot.domain.scoring.arena import BuzzOutcome, RiskOutcome
from bot.domain.scoring.rules import ScoringRules
from bot.domain.snapshot import ContestSnapshot
from bot.services.arena_board import ArenaBoard
from bot.texts.texts import Texts, html
from handlers.arena.callbacks import ArenaButton, ArenaKind
from handlers.arena.turns import contestants, team_of
from handlers.keyboards import button, markup

OUTCOMES = {
    ArenaKind.MANDATORY: {"correct": N_("✓ correct"), "wrong": N_("✗ wrong")},
    ArenaKind.RISK: {o.value: label for o, label in zip(RiskOutcome, (
        N_("✓ correct"), N_("✗ wrong"), N_("⌛ timed out")), strict=True)},
    ArenaKind.BUZZ: {o.value: label for o, label in zip(BuzzOutcome, (
        N_("✓ correct"), N_("✗ wrong"), N_("⚡ early buzz")), strict=True)},
}  # fmt: skip
KINDS = {
    ArenaKind.MANDATORY: N_("Mandatory"),
    ArenaKind.RISK: N_("Risk"),
    ArenaKind.BUZZ: N_("Buzzer"),
}


def board_view(
    t: Texts,
    snapshot: ContestSnapshot,
    round_: Round,
    teams: list[Team],
    board: ArenaBoard,
    step: ArenaButton,
    rules: ScoringRules,
) -> tuple[str, InlineKeyboardMarkup]:
    """The board at `step` (the buttons pressed so far of the event being recorded)."""
    lines = [f"<b>{html(t.name(round_.name, round_.name_en))}</b>"]
    bank = rules.starting_bank
    lines += [f"{html(team.code)} {board.scores.get(team.code, bank):.0f}" for team in teams]
    here = step.model_copy(update={"version": board.version})
    rows = _next_buttons(t, snapshot, teams, here, rules)
    if team_of(teams, step.team) is None:
        undo = ArenaButton(round=step.round, kind=ArenaKind.UNDO, version=board.version)
        rows.append([button(t(N_("↩ Undo the last event")), undo)])
    return "\n".join(lines), markup(*rows)


def _next_buttons(
    t: Texts, snapshot: ContestSnapshot, teams: list[Team], step: ArenaButton, rules: ScoringRules
) -> list[list[InlineKeyboardButton]]:
    team = team_of(teams, step.team)
    if team is None:  # choose a team
        return [[button(each.code, step.model_copy(update={"team": each.id, "person": -1}))]
                for each in teams]  # fmt: skip
    back = [button(t(N_("◀ Teams")), ArenaButton(round=step.round))]
    if step.kind is ArenaKind.TEAMS:
        kinds = [button(t(label), step.model_copy(update={"kind": kind}))
                 for kind, label in KINDS.items()]  # fmt: skip
        return [kinds, back]
    if step.kind is ArenaKind.MANDATORY and step.person < 0:
        people = contestants(snapshot, team)
        return [[button(p.code, step.model_copy(update={"person": p.id}))]
                for p in people] + [back]  # fmt: skip
    if step.kind is ArenaKind.RISK and not step.tier:
        tiers = [button(f"{tier.points:.0f}", step.model_copy(update={"tier": int(tier.points)}))
                 for tier in rules.risk_tiers]  # fmt: skip
        return [tiers, back]
    outcomes = [button(t(label), step.model_copy(update={"outcome": outcome}))
                for outcome, label in OUTCOMES[step.kind].items()]  # fmt: skip
    return [outcomes, back]
