"""The broadcast dialogue's state: its steps, the draft it holds, and who may touch it.

The draft lives in the FSM storage as plain JSON values: `draft` (the id of the /broadcast
message, which every button of the dialogue carries), `text`, `text_en`, `file` ([kind,
file_id] of a photo or document, or absent), `options` (the audience keys the buttons offered),
`audience`, and `at` (ISO time; empty for 'now').
"""

from datetime import datetime
from typing import Any

from aiogram.fsm.state import State, StatesGroup

from bot.domain.audience import Audience, parse_audience
from bot.domain.commands import Command, allowed
from bot.domain.outbox import Attachment, AttachmentKind
from bot.domain.snapshot import ContestSnapshot
from bot.texts.broadcasts import ASK_WHEN
from handlers.broadcast.keyboards import send_times
from handlers.request import Request

Draft = dict[str, Any]


class Drafting(StatesGroup):
    text = State()
    english = State()
    audience = State()
    teams = State()
    when = State()
    confirm = State()


def may_broadcast(request: Request) -> bool:
    return request.viewer.person is not None and allowed(request.viewer.role, Command.BROADCAST)


async def held_draft(request: Request, draft: int, *steps: State) -> Draft | None:
    """The draft, when an organizer presses a button of their current draft at one of `steps`."""
    if not may_broadcast(request) or request.snapshot is None:
        return None
    if await request.state.get_state() not in {step.state for step in steps}:
        return None
    data = await request.state.get_data()
    return data if data.get("draft") == draft else None


def drafted_contest(request: Request) -> ContestSnapshot:
    """The contest being announced to: every step checks there is one before it gets here."""
    if request.snapshot is None:
        raise LookupError("the broadcast dialogue went on without a contest")
    return request.snapshot


def chosen_audience(data: Draft) -> Audience:
    """The audience of a draft past the audience step, where one is always chosen."""
    audience = parse_audience(data.get("audience", ""))
    if audience is None:
        raise LookupError("the broadcast draft has no audience past the audience step")
    return audience


def send_at(data: Draft) -> datetime | None:
    """None for 'now'."""
    return datetime.fromisoformat(data["at"]) if data.get("at") else None


def attachment(data: Draft) -> Attachment | None:
    kind, file_id = data.get("file") or ("", "")
    return Attachment(AttachmentKind(kind), file_id) if kind else None


async def ask_when(request: Request, chat_id: int, draft: int) -> None:
    await request.state.set_state(Drafting.when)
    zone = request.snapshot.zone.key if request.snapshot else request.t.zone.key
    await request.bot.send_message(
        chat_id, request.t(ASK_WHEN, zone=zone), reply_markup=send_times(request.t, draft)
    )
