"""/score: a judge picks one of their showcase rounds and a team, then types the score.

A judge is offered only the rounds they are assigned to and sees and changes only their own
scores. One message is the judge's board: after a score is saved it is edited in place to ask
for the next unscored team in running order, so a round is scored by typing one number per team.
After the round is published, a change needs a reason: the judge types the score, then the
reason in a message of its own.
"""

from contextlib import suppress
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Person, Round, Team
from bot.domain.enums import RoundKind
from bot.domain.judges import judged_rounds, may_score
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.score_input import MAX_REASON, parse_score
from bot.domain.snapshot import ContestSnapshot
from bot.services.scores import (
    NO_TURN,
    NOT_ASSIGNED,
    REASON_NEEDED,
    JudgeBoard,
    Scored,
    judge_board,
    score_showcase,
)
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.keyboards import button, markup
from handlers.queries import chat_of
from handlers.request import Request
from handlers.scoring.callbacks import ScoreRound, ScoreTeam
from handlers.scoring.views import board_view, reason_prompt, saved_text


class Scoring(StatesGroup):
    value = State()  # the next message is the awaited team's score
    reason = State()  # after publication: the score was typed, the next message is why


def create_router() -> Router:
    router = Router(name="scoring")
    router.message.register(start, IsCommand(Command.SCORE))
    router.message.register(typed, StateFilter(Scoring.value), PlainText())
    router.message.register(reason_typed, StateFilter(Scoring.reason), PlainText())
    router.callback_query.register(pick_round, ScoreRound.filter())
    router.callback_query.register(pick_team, ScoreTeam.filter())
    return router


async def start(message: Message, request: Request) -> None:
    if await request.state.get_state() in (
        Scoring.value.state,
        Scoring.reason.state,
    ):  # a new board: no team is
        # awaited any more, and a correction still without its reason is dropped
        await request.state.clear()
    rounds, judge, t = _rounds(request), request.viewer.person, request.t
    if not rounds or judge is None or request.snapshot is None:
        await message.answer(t(N_("There is no showcase round for you to score.")))
        return
    if len(rounds) == 1:
        board = await request.call(judge_board, request.snapshot, rounds[0].code, judge)
        text, buttons = _view(request, rounds[0], board)
        await message.answer(text, reply_markup=buttons)
        return
    options = [[button(t.name(r.name, r.name_en), ScoreRound(round=r.id or 0))] for r in rounds]
    await message.answer(t(N_("Which round?")), reply_markup=markup(*options))


async def pick_round(query: CallbackQuery, callback_data: ScoreRound, request: Request) -> None:
    chosen = await _assigned_round(query, request, callback_data.round)
    if chosen is None:
        return
    round_, judge, snapshot = chosen
    await query.answer()
    board = await request.call(judge_board, snapshot, round_.code, judge)
    await _show(query, request, *_view(request, round_, board))


async def pick_team(query: CallbackQuery, callback_data: ScoreTeam, request: Request) -> None:
    chosen = await _assigned_round(query, request, callback_data.round)
    if chosen is None:
        return
    round_, judge, snapshot = chosen
    board = await request.call(judge_board, snapshot, round_.code, judge, callback_data.team)
    if board.awaited is None:  # removed from the round since the board was drawn
        await query.answer(request.t(N_("This team has no turn in this round any more.")),
                           show_alert=True)  # fmt: skip
    else:
        await query.answer()
        message_id = query.message.message_id if query.message else None
        await _choose(request, round_, board.awaited, message_id)
    await _show(query, request, *_view(request, round_, board))


@dataclass(frozen=True, slots=True)
class Dialogue:
    """The judge typing into it, their round and contest, and the state's data (the round's
    and team's codes, the board's message id, a correction's score awaiting its reason)."""

    judge: Person
    round: Round
    snapshot: ContestSnapshot
    data: dict[str, Any]

    @property
    def team(self) -> str:
        return str(self.data.get("team", ""))


async def typed(message: Message, request: Request) -> None:
    """The score typed after choosing a team, or for the team the board offered: the whole
    message is the number (`parse_score`); anything else is refused and nothing is saved."""
    dialogue = await _dialogue(message, request)
    if dialogue is None:
        return
    try:
        score = parse_score(message.text or "", request.app.rules.showcase_max)
    except ScoringError as error:
        await message.answer(request.t(error.message, **error.params))
        return
    await _enter(message, request, dialogue, score)


async def reason_typed(message: Message, request: Request) -> None:
    """The reason of a correction after publication, the step after its score. A number here
    is the score corrected again; its reason is asked for anew."""
    dialogue = await _dialogue(message, request)
    if dialogue is None:
        return
    text, maximum = (message.text or "").strip(), request.app.rules.showcase_max
    corrected_again = _number(text, maximum)
    if corrected_again is not None:
        await _ask_reason(message, request, dialogue, corrected_again)
        return
    score = _number(str(dialogue.data.get("score", "")), maximum)
    if score is None:  # not stored by this dialogue: start again
        await _forget(message, request)
        return
    if not text:
        await _ask_reason(message, request, dialogue, score)
        return
    await _enter(message, request, dialogue, score, text[:MAX_REASON])


def _number(text: str, maximum: Decimal) -> Decimal | None:
    try:
        return parse_score(text, maximum)
    except ScoringError:
        return None


async def _dialogue(message: Message, request: Request) -> Dialogue | None:
    """The open dialogue; None after telling the judge it is over (they are no longer a
    judge, or the round is gone)."""
    judge, snapshot, data = request.viewer.person, request.snapshot, await request.state.get_data()
    round_ = snapshot.rounds.get(data.get("round", "")) if snapshot else None
    if judge is None or snapshot is None or round_ is None or not _judge(request):
        await _forget(message, request)
        return None
    return Dialogue(judge, round_, snapshot, data)


async def _enter(
    message: Message, request: Request, dialogue: Dialogue, score: Decimal, reason: str = ""
) -> None:
    """Saves the score; after publication, a change without a reason asks for one first."""
    round_, team = dialogue.round, dialogue.team
    try:
        scored = await request.call(
            score_showcase, dialogue.snapshot, dialogue.judge, round_.code, team, score,
            request.now(), request.app.rules, reason=reason,
        )  # fmt: skip
    except ScoringError as error:
        if error.message == REASON_NEEDED:
            await _ask_reason(message, request, dialogue, score)
            return
        if error.message in (NO_TURN, NOT_ASSIGNED):  # no number will do: start again
            await request.state.clear()
        await message.answer(request.t(error.message, **error.params))
        return
    await _saved(message, request, round_, scored, team, score, dialogue.data.get("board"))


async def _ask_reason(
    message: Message, request: Request, dialogue: Dialogue, score: Decimal
) -> None:
    """The next message is the reason for changing the awaited team's score to `score`."""
    await request.state.set_state(Scoring.reason)
    await request.state.set_data({**dialogue.data, "score": str(score)})
    team = dialogue.snapshot.teams.get(dialogue.team)
    await message.answer(reason_prompt(request.t, team, dialogue.team, score))


async def _forget(message: Message, request: Request) -> None:
    await request.state.clear()
    await message.answer(request.t(N_("This button is no longer valid.")))


async def _saved(
    message: Message,
    request: Request,
    round_: Round,
    scored: Scored,
    team_code: str,
    score: Decimal,
    board_id: object,
) -> None:
    """Tells what was saved on the board, which then awaits the next team (if any)."""
    saved = saved_text(request.t, scored.entry, scored.board.sheet, team_code, score)
    text, buttons = _view(request, round_, scored.board, saved)
    board_id = await _edit_board(message, request, board_id, text, buttons)
    if scored.board.awaited is None:
        await request.state.clear()
    else:
        await _choose(request, round_, scored.board.awaited, board_id)


async def _assigned_round(
    query: CallbackQuery, request: Request, round_id: int
) -> tuple[Round, Person, ContestSnapshot] | None:
    """The round of a button (with its judge and contest), if it is still there and this judge
    scores it; else answers and returns None."""
    round_ = request.round(round_id)
    judge, snapshot = request.viewer.person, request.snapshot
    if round_ is None or round_.kind is not RoundKind.SHOWCASE or judge is None:
        await stale_button(query, request)
        return None
    if snapshot is None or not _judge(request):  # not (or no longer) a judge
        await stale_button(query, request)
        return None
    if not may_score(judge, round_):
        name = request.t.name(round_.name, round_.name_en)
        await query.answer(request.t(NOT_ASSIGNED, round=name), show_alert=True)
        return None
    return round_, judge, snapshot


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


def _view(
    request: Request, round_: Round, board: JudgeBoard, saved: str = ""
) -> tuple[str, InlineKeyboardMarkup]:
    return board_view(request.t, round_, board, request.app.rules.showcase_max, saved)
