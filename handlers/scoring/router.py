"""/score: a judge picks one of their showcase rounds and a team, then types the score.

A judge is offered only the rounds they are assigned to and sees and changes only their own
scores. One message is the judge's board: after a score is saved it is edited in place to ask
for the next unscored team in running order, so a round is scored by typing one number per team.
After the round is published, a change needs a reason, typed after the score ("92.5 计分有误").
"""

import re
import unicodedata
from contextlib import suppress
from decimal import Decimal, InvalidOperation

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Round, Team
from bot.domain.enums import RoundKind
from bot.domain.judges import JudgeSheet, judged_rounds, may_score
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.services.scores import (
    NO_TURN,
    NOT_ASSIGNED,
    Entry,
    enter_showcase,
    judge_sheet,
    needs_reason,
)
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.keyboards import button, markup
from handlers.queries import chat_of
from handlers.request import Request
from handlers.scoring.callbacks import ScoreRound, ScoreTeam

SCORE = re.compile(r"\s*(\d{1,3}(?:\.\d+)?)\s*(.*)", re.DOTALL)
SAVED = {
    Entry.SAVED: N_("✓ Saved: {team} {score}."),
    Entry.CORRECTED: N_("✓ Corrected: {team} {score}."),
    Entry.UNCHANGED: N_("{team} already has {score} from you; nothing changed."),
}
PER_ROW = 2


class Scoring(StatesGroup):
    value = State()


def create_router() -> Router:
    router = Router(name="scoring")
    router.message.register(start, IsCommand(Command.SCORE))
    router.message.register(typed, StateFilter(Scoring.value), PlainText())
    router.callback_query.register(pick_round, ScoreRound.filter())
    router.callback_query.register(pick_team, ScoreTeam.filter())
    return router


async def start(message: Message, request: Request, raw_state: str | None = None) -> None:
    if raw_state == Scoring.value.state:  # a new board: no team is awaited any more
        await request.state.clear()
    rounds = _rounds(request)
    if not rounds:
        await message.answer(request.t(N_("There is no showcase round for you to score.")))
        return
    if len(rounds) == 1:
        text, buttons = await _board(request, rounds[0])
        await message.answer(text, reply_markup=buttons)
        return
    t = request.t
    options = [[button(t.name(r.name, r.name_en), ScoreRound(round=r.id or 0))] for r in rounds]
    await message.answer(t(N_("Which round?")), reply_markup=markup(*options))


async def pick_round(query: CallbackQuery, callback_data: ScoreRound, request: Request) -> None:
    round_ = await _assigned_round(query, request, callback_data.round)
    if round_ is None:
        return
    await query.answer()
    text, buttons = await _board(request, round_)
    await _show(query, request, text, buttons)


async def pick_team(query: CallbackQuery, callback_data: ScoreTeam, request: Request) -> None:
    round_ = await _assigned_round(query, request, callback_data.round)
    if round_ is None:
        return
    sheet = await _sheet(request, round_)
    team = next((t for t in sheet.teams if t.id == callback_data.team), None)
    if team is None:  # removed from the round since the board was drawn
        await query.answer(request.t(N_("This team has no turn in this round any more.")),
                           show_alert=True)  # fmt: skip
        text, buttons = await _board(request, round_, sheet=sheet)
        await _show(query, request, text, buttons)
        return
    await query.answer()
    board = query.message.message_id if query.message else None
    await _choose(request, round_, team, board)
    text, buttons = await _board(request, round_, team, sheet=sheet)
    await _show(query, request, text, buttons)


async def typed(message: Message, request: Request) -> None:
    """The score (and reason) typed after choosing a team, or for the team the board offered."""
    data, judge, snapshot, t = (
        await request.state.get_data(),
        request.viewer.person,
        request.snapshot,
        request.t,
    )
    found = SCORE.fullmatch(unicodedata.normalize("NFKC", message.text or ""))
    round_ = snapshot.rounds.get(data.get("round", "")) if snapshot else None
    if judge is None or snapshot is None or round_ is None or not _judge(request):
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
    team = data.get("team", "")
    try:
        entry = await enter_showcase(
            request.work, snapshot, judge, round_.code, team, score, request.now(),
            request.app.rules, reason=found.group(2),
        )  # fmt: skip
    except ScoringError as error:
        if error.message in (NO_TURN, NOT_ASSIGNED):  # no number will do: start again
            await request.state.clear()
        await message.answer(t(error.message, **error.params))
        return
    sheet = await _sheet(request, round_)
    following = sheet.next_after(team)
    saved = t(SAVED[entry], team=_label(sheet, team), score=f"{score:.2f}")
    text, buttons = await _board(request, round_, following, saved, sheet)
    board = await _edit_board(message, request, data.get("board"), text, buttons)
    if following is None:
        await request.state.clear()
    else:
        await _choose(request, round_, following, board)


async def _assigned_round(query: CallbackQuery, request: Request, round_id: int) -> Round | None:
    """The round of a button, if it is still there and this judge scores it; else answers."""
    round_ = request.round(round_id)
    judge = request.viewer.person
    if round_ is None or round_.kind is not RoundKind.SHOWCASE or judge is None:
        await stale_button(query, request)
        return None
    if not _judge(request):  # not (or no longer) a judge
        await stale_button(query, request)
        return None
    if not may_score(judge, round_):
        name = request.t.name(round_.name, round_.name_en)
        await query.answer(request.t(NOT_ASSIGNED, round=name), show_alert=True)
        return None
    return round_


async def _choose(request: Request, round_: Round, team: Team, board: int | None) -> None:
    """The next number the judge types is the score of `team`."""
    await request.state.set_state(Scoring.value)
    await request.state.set_data({"round": round_.code, "team": team.code, "board": board})


async def _show(
    query: CallbackQuery, request: Request, text: str, buttons: InlineKeyboardMarkup
) -> None:
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):  # the same board again
            await query.message.edit_text(text, reply_markup=buttons)
        return
    await request.bot.send_message(chat_of(query), text, reply_markup=buttons)


async def _edit_board(
    message: Message, request: Request, board: object, text: str, buttons: InlineKeyboardMarkup
) -> int:
    """Edits the board in place; posts it anew only when it cannot be edited any more."""
    if isinstance(board, int):
        try:
            await request.bot.edit_message_text(
                text=text, chat_id=message.chat.id, message_id=board, reply_markup=buttons
            )
            return board
        except TelegramBadRequest:
            pass
    posted = await message.answer(text, reply_markup=buttons)
    return posted.message_id


def _judge(request: Request) -> bool:
    return request.snapshot is not None and allowed(request.viewer.role, Command.SCORE)


def _rounds(request: Request) -> list[Round]:
    judge = request.viewer.person
    if request.snapshot is None or judge is None:
        return []
    return [r for r in judged_rounds(request.snapshot, judge) if r.id is not None]


async def _sheet(request: Request, round_: Round) -> JudgeSheet:
    assert request.snapshot is not None
    assert request.viewer.person is not None
    return await judge_sheet(request.work, request.snapshot, round_.code, request.viewer.person)


def _label(sheet: JudgeSheet, code: str) -> str:
    team = next((t for t in sheet.teams if t.code == code), None)
    return f"{code} {team.name}" if team else code


async def _board(
    request: Request,
    round_: Round,
    chosen: Team | None = None,
    saved: str = "",
    sheet: JudgeSheet | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """The judge's board: what was saved, how far they are, the team awaited, every team."""
    sheet = sheet or await _sheet(request, round_)
    t = request.t
    lines = [saved] if saved else []
    lines.append(
        t(N_("{round}: you have scored {done} of {total} teams."),
          round=t.name(round_.name, round_.name_en), done=len(sheet.scores),
          total=len(sheet.teams))
    )  # fmt: skip
    if chosen is None and sheet.teams and not sheet.unscored:
        lines.append(t(N_("Every team has your score; tap one to change it.")))
    elif chosen is None:
        lines.append(t(N_("Tap a team to score it.")))
    else:
        lines.append(await _prompt(request, round_, chosen))
    return "\n".join(lines), markup(*_team_rows(sheet, round_, chosen))


async def _prompt(request: Request, round_: Round, team: Team) -> str:
    assert request.viewer.person is not None
    t, name = request.t, f"{team.code} {team.name}"
    if await needs_reason(request.work, round_.code, request.viewer.person, team.code):
        return t(N_("The round is published. Send the corrected score for {team} and the "
                    "reason, e.g. “92.5 计分有误”."), team=name)  # fmt: skip
    maximum = request.app.rules.showcase_max
    return t(N_("Send the score for {team} (0–{maximum}, up to two decimals), or tap another "
                "team."), team=name, maximum=maximum)  # fmt: skip


def _team_rows(
    sheet: JudgeSheet, round_: Round, chosen: Team | None
) -> list[list[InlineKeyboardButton]]:
    buttons = []
    for team in sheet.unscored_first:
        score = sheet.scores.get(team.code)
        label = f"{team.code} {team.name}"
        if score is not None:
            label = f"✓ {label} · {score:.2f}"
        if chosen is not None and team.code == chosen.code:
            label = f"▶ {label}"
        buttons.append(button(label, ScoreTeam(round=round_.id or 0, team=team.id or 0)))
    return [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
