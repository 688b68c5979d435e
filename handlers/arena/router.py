"""/arena ROUND: the scorekeeper records the arena live — team, kind of question, outcome.

One message is the board: the teams' arena scores, then buttons for the next step. The last
button of each step carries the board's version, so a double tap records the event once.
"""

from contextlib import suppress
from decimal import Decimal

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Person, Round, Team
from bot.domain.enums import Role, RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.arena import (
    ArenaEvent,
    Buzz,
    BuzzOutcome,
    MandatoryAnswer,
    RiskOutcome,
    RiskPick,
    arena_scores,
)
from bot.domain.scoring.errors import ScoringError
from bot.services.arena import record_event, undo_last
from bot.services.live import team_slots
from bot.texts.texts import html
from handlers.arena.callbacks import ArenaButton, ArenaKind
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.request import Request

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


def create_router() -> Router:
    router = Router(name="arena")
    router.message.register(start, IsCommand(Command.ARENA))
    router.callback_query.register(pressed, ArenaButton.filter())
    return router


async def start(message: Message, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    rounds = [r for r in snapshot.data.rounds if _arena(r)] if snapshot else []
    wanted = request.args.strip().upper()
    round_ = next((r for r in rounds if r.code.upper() == wanted), None)
    if round_ is None:
        codes = ", ".join(r.code for r in rounds)
        await message.answer(t(N_("Send /arena ROUND, one of: {codes}"), codes=codes))
        return
    text, buttons = await _board(request, round_, ArenaButton(round=round_.id or 0))
    await message.answer(text, reply_markup=buttons)


async def pressed(query: CallbackQuery, callback_data: ArenaButton, request: Request) -> None:
    person, t = request.viewer.person, request.t
    round_ = request.round(callback_data.round)
    if (
        round_ is None
        or not _arena(round_)
        or person is None
        or not allowed(request.viewer.role, Command.ARENA)
    ):
        await stale_button(query, request)
        return
    step = callback_data
    if step.team >= 0 and _team(_teams(request, round_), step.team) is None:
        await stale_button(query, request)  # the team has no turn in this round any more
        await _redraw(query, request, round_, ArenaButton(round=step.round))
        return
    try:
        if step.kind is ArenaKind.UNDO:
            await undo_last(request.work, round_.code, step.version, person.code, request.now())
            step = ArenaButton(round=step.round)
        elif step.outcome:
            event = _event(request, round_, step)
            if event is None:
                await stale_button(query, request)
                return
            await record_event(
                request.work,
                round_.code,
                event,
                step.version,
                person.code,
                request.now(),
                request.app.rules,
            )
            step = ArenaButton(round=step.round)
    except ScoringError as error:
        await query.answer(t(error.message, **error.params), show_alert=True)
        step = ArenaButton(round=step.round)
    else:
        await query.answer()
    await _redraw(query, request, round_, step)


async def _redraw(query: CallbackQuery, request: Request, round_: Round, step: ArenaButton) -> None:
    text, buttons = await _board(request, round_, step)
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):  # the same board again
            await query.message.edit_text(text, reply_markup=buttons)


def _arena(round_: Round) -> bool:
    return round_.kind is RoundKind.ARENA_PRELIMINARY and round_.id is not None


def _teams(request: Request, round_: Round) -> list[Team]:
    """The round's teams in running order."""
    assert request.snapshot is not None
    turns = sorted(team_slots(request.snapshot, round_.code), key=lambda s: s.position)
    teams = request.snapshot.teams
    codes = [s.team_code for s in turns if s.team_code is not None]
    return [teams[code] for code in codes if code in teams]


def _team(teams: list[Team], team_id: int) -> Team | None:
    """The team a button names by id, if it still has a turn in the round."""
    return next((t for t in teams if t.id is not None and t.id == team_id), None)


def _contestants(request: Request, team: Team) -> list[Person]:
    assert request.snapshot is not None
    members = request.snapshot.members.get(team.code, ())
    return [p for p in members if p.role is Role.CONTESTANT and p.id is not None]


def _event(request: Request, round_: Round, step: ArenaButton) -> ArenaEvent | None:
    """The event a button records; None when its team or contestant is not in the round."""
    team = _team(_teams(request, round_), step.team)
    if team is None:
        return None
    try:
        if step.kind is ArenaKind.MANDATORY:
            person = next((p for p in _contestants(request, team) if p.id == step.person), None)
            if person is None or step.outcome not in ("correct", "wrong"):
                return None
            return MandatoryAnswer(team.code, person.code, step.outcome == "correct")
        if step.kind is ArenaKind.RISK:
            return RiskPick(team.code, Decimal(step.tier), RiskOutcome(step.outcome))
        if step.kind is ArenaKind.BUZZ:
            return Buzz(team.code, BuzzOutcome(step.outcome))
    except ValueError:  # a forged outcome
        return None
    return None


async def _board(
    request: Request, round_: Round, step: ArenaButton
) -> tuple[str, InlineKeyboardMarkup]:
    t, uow = request.t, request.work
    version = await uow.arena.count(round_.code)
    scores = arena_scores(await uow.arena.events(round_.code), request.app.rules)
    teams = _teams(request, round_)
    lines = [f"<b>{html(t.name(round_.name, round_.name_en))}</b>"]
    bank = request.app.rules.starting_bank
    lines += [f"{html(team.code)} {scores.get(team.code, bank):.0f}" for team in teams]
    here = step.model_copy(update={"version": version})
    rows = _next_buttons(request, teams, here)
    if _team(teams, step.team) is None:
        rows.append(
            [
                button(
                    t(N_("↩ Undo the last event")),
                    ArenaButton(round=step.round, kind=ArenaKind.UNDO, version=version),
                )
            ]
        )
    return "\n".join(lines), markup(*rows)


def _next_buttons(
    request: Request, teams: list[Team], step: ArenaButton
) -> list[list[InlineKeyboardButton]]:
    t = request.t
    team = _team(teams, step.team)
    if team is None:  # choose a team
        return [[button(each.code, step.model_copy(update={"team": each.id, "person": -1}))]
                for each in teams]  # fmt: skip
    back = [button(t(N_("◀ Teams")), ArenaButton(round=step.round))]
    if step.kind is ArenaKind.TEAMS:
        kinds = [button(t(label), step.model_copy(update={"kind": kind}))
                 for kind, label in KINDS.items()]  # fmt: skip
        return [kinds, back]
    if step.kind is ArenaKind.MANDATORY and step.person < 0:
        people = _contestants(request, team)
        return [[button(p.code, step.model_copy(update={"person": p.id}))]
                for p in people] + [back]  # fmt: skip
    if step.kind is ArenaKind.RISK and not step.tier:
        tiers = [button(f"{tier.points:.0f}", step.model_copy(update={"tier": int(tier.points)}))
                 for tier in request.app.rules.risk_tiers]  # fmt: skip
        return [tiers, back]
    outcomes = [button(t(label), step.model_copy(update={"outcome": outcome}))
                for outcome, label in OUTCOMES[step.kind].items()]  # fmt: skip
    return [outcomes, back]
