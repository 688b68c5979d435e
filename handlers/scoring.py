"""/score: a judge picks a showcase round and a team, then types the score.

A judge sees and changes only their own scores. After the round is published, a change needs a
reason, typed after the score ("92.5 计分有误").
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from aiogram import Router
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Round
from bot.domain.enums import RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.services.scores import Entry, enter_showcase, needs_reason, showcase_teams
from handlers.fallback import stale_button
from handlers.keyboards import ScoreRound, ScoreTeam, button, markup
from handlers.queries import chat_of
from handlers.request import Request

SCORE = re.compile(r"\s*(\d{1,3}(?:\.\d+)?)\s*(.*)", re.DOTALL)
SAVED = {
    Entry.SAVED: N_("Saved: {team} {score}."),
    Entry.CORRECTED: N_("Corrected: {team} {score}."),
    Entry.UNCHANGED: N_("{team} already has {score} from you; nothing changed."),
}


class Scoring(StatesGroup):
    value = State()


def create_router() -> Router:
    router = Router(name="scoring")
    router.callback_query.register(pick_round, ScoreRound.filter())
    router.callback_query.register(pick_team, ScoreTeam.filter())
    return router


async def start(message: Message, request: Request) -> None:
    rounds = _rounds(request)
    if not rounds:
        await message.answer(request.t(N_("There is no showcase round to score.")))
        return
    if len(rounds) == 1:
        text, buttons = await _teams(request, rounds[0])
        await message.answer(text, reply_markup=buttons)
        return
    t = request.t
    options = [[button(t.name(r.name, r.name_en), ScoreRound(round=r.id or 0))] for r in rounds]
    await message.answer(t(N_("Which round?")), reply_markup=markup(*options))


async def pick_round(query: CallbackQuery, callback_data: ScoreRound, request: Request) -> None:
    round_ = _round(request, callback_data.round)
    if round_ is None or not _judge(request):
        await stale_button(query, request)
        return
    await query.answer()
    text, buttons = await _teams(request, round_)
    await request.bot.send_message(chat_of(query), text, reply_markup=buttons)


async def pick_team(query: CallbackQuery, callback_data: ScoreTeam, request: Request) -> None:
    round_ = _round(request, callback_data.round)
    teams = showcase_teams(request.snapshot, round_.code) if request.snapshot and round_ else []
    if round_ is None or not _judge(request) or not 0 <= callback_data.team < len(teams):
        await stale_button(query, request)
        return
    team, judge, t = teams[callback_data.team], request.viewer.person, request.t
    assert judge is not None
    await query.answer()
    await request.state.set_state(Scoring.value)
    await request.state.set_data({"round": round_.code, "team": team})
    reason = await needs_reason(request.uow, round_.code, judge, team)
    prompt = (
        N_("The round is published. Send the corrected score for {team} and the reason, "
           "e.g. “92.5 计分有误”.") if reason
        else N_("Send the score for {team} (0–{maximum}, up to two decimals).")
    )  # fmt: skip
    await request.bot.send_message(
        chat_of(query), t(prompt, team=team, maximum=request.app.rules.showcase_max)
    )


async def typed(message: Message, request: Request) -> None:
    """The score (and reason) typed after picking a team."""
    data, judge, snapshot, t = (
        await request.state.get_data(),
        request.viewer.person,
        request.snapshot,
        request.t,
    )
    found = SCORE.fullmatch(unicodedata.normalize("NFKC", message.text or ""))
    if judge is None or snapshot is None or not _judge(request):
        await request.state.clear()
        await message.answer(t(N_("This button is no longer valid.")))
        return
    try:
        score = Decimal(found.group(1)) if found else None
    except InvalidOperation:
        score = None
    if score is None or found is None:
        await message.answer(t(N_("Please send a number, e.g. 91.5 (or /cancel).")))
        return
    round_code, team = data.get("round", ""), data.get("team", "")
    try:
        entry = await enter_showcase(
            request.uow, snapshot, judge, round_code, team, score, request.now(), request.app.rules,
            reason=found.group(2),
        )  # fmt: skip
    except ScoringError as error:
        await message.answer(t(error.message, **error.params))
        return
    await request.state.clear()
    await message.answer(t(SAVED[entry], team=team, score=f"{score:.2f}"))
    text, buttons = await _teams(request, snapshot.rounds[round_code])
    await message.answer(text, reply_markup=buttons)


def _judge(request: Request) -> bool:
    return request.snapshot is not None and allowed(request.viewer.role, Command.SCORE)


def _rounds(request: Request) -> list[Round]:
    rounds = request.snapshot.data.rounds if request.snapshot else ()
    return [r for r in rounds if r.kind is RoundKind.SHOWCASE and r.id is not None]


def _round(request: Request, round_id: int) -> Round | None:
    round_ = request.round(round_id)
    return round_ if round_ is not None and round_.kind is RoundKind.SHOWCASE else None


async def _teams(request: Request, round_: Round) -> tuple[str, InlineKeyboardMarkup]:
    """The round's teams, each with the judge's own score once given."""
    assert request.snapshot is not None
    assert request.viewer.person is not None
    mine = request.viewer.person.code
    given = await request.uow.scores.showcase(round_.code)
    t, rows = request.t, []
    for index, code in enumerate(showcase_teams(request.snapshot, round_.code)):
        score = given.get(code, {}).get(mine)
        label = f"{code} · {score:.2f}" if score is not None else code
        rows.append([button(label, ScoreTeam(round=round_.id or 0, team=index))])
    text = t(N_("{round}: tap a team to score it (your scores are shown)."),
             round=t.name(round_.name, round_.name_en))  # fmt: skip
    return text, markup(*rows)
