"""/broadcast: text, English version, audience, time, preview, confirm (organizers only).

Every step re-checks that the viewer may broadcast and that a button belongs to the current
draft at the current step (see broadcast_draft); anything else is a stale button.
"""

from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command
from bot.domain.problems import N_
from bot.texts.broadcasts import ASK_ENGLISH, ASK_TEXT
from handlers.broadcast.audience import ask_audience, got_teams, pick_audience
from handlers.broadcast.callbacks import (
    AudiencePick,
    BroadcastButton,
    DraftAction,
    DraftButton,
    WhenPick,
)
from handlers.broadcast.confirm import confirm, discard, show_preview
from handlers.broadcast.draft import (
    Drafting,
    attachment,
    drafted_contest,
    held_draft,
    may_broadcast,
)
from handlers.broadcast.input import Problem, announcement_text, attachment_of, moment, text_problem
from handlers.broadcast.keyboards import SEND_DELAYS, skip_english
from handlers.broadcast.listing import pressed, show_list
from handlers.fallback.router import stale_button
from handlers.filters import HasFile, IsCommand, PlainText
from handlers.queries import chat_of, close_buttons
from handlers.request import Request

Step = Callable[[Message, Request, int], Awaitable[None]]


def create_router() -> Router:
    router = Router(name="broadcast")
    router.message.register(start, IsCommand(Command.BROADCAST))
    router.message.register(show_list, IsCommand(Command.BROADCASTS))
    router.message.register(got_file, StateFilter(Drafting.text), HasFile())
    for state, step in STEPS.items():
        router.message.register(typed(step), StateFilter(state), PlainText())
    router.message.register(button_awaited, StateFilter(Drafting), PlainText())
    router.callback_query.register(draft_button, DraftButton.filter())
    router.callback_query.register(pick_audience, AudiencePick.filter())
    router.callback_query.register(pick_time, WhenPick.filter())
    router.callback_query.register(pressed, BroadcastButton.filter())
    return router


async def start(message: Message, request: Request) -> None:
    if request.snapshot is None:
        await message.answer(request.no_contest())
        return
    await request.state.set_state(Drafting.text)
    await request.state.set_data({"draft": message.message_id})
    await message.answer(request.t(ASK_TEXT))


def typed(step: Step) -> Callable[[Message, Request], Awaitable[None]]:
    """The handler of a text typed at `step` of the dialogue."""

    async def at_step(message: Message, request: Request) -> None:
        if await _dropped(message, request):
            return
        await step(message, request, int((await request.state.get_data()).get("draft", 0)))

    return at_step


async def button_awaited(message: Message, request: Request) -> None:
    """A text typed at a step that is answered with a button (the audience, the preview)."""
    if await _dropped(message, request):
        return
    await message.answer(request.t(N_("Please tap one of the buttons above, or send /cancel.")))


async def got_file(message: Message, request: Request) -> None:
    """A photo or document with the announcement as its caption, instead of a text."""
    if await _dropped(message, request):
        return
    await got_text(message, request, int((await request.state.get_data()).get("draft", 0)))


async def _dropped(message: Message, request: Request) -> bool:
    """Ends the dialogue when the contest or the organizer's role changed under it."""
    if request.snapshot is not None and may_broadcast(request):
        return False
    await request.state.clear()
    await message.answer(
        request.no_contest() if request.snapshot is None
        else request.t(N_("Sorry, /{command} is not available to you. /help shows what you "
                          "can do."), command=Command.BROADCAST.value)
    )  # fmt: skip
    return True


async def got_text(message: Message, request: Request, draft: int) -> None:
    file = attachment_of(message)
    if await _refused(message, request, text := announcement_text(message), file is not None):
        return
    await request.state.update_data(text=text, file=[file.kind, file.file_id] if file else None)
    await request.state.set_state(Drafting.english)
    await message.answer(request.t(ASK_ENGLISH), reply_markup=skip_english(request.t, draft))


async def got_english(message: Message, request: Request, draft: int) -> None:
    caption = attachment(await request.state.get_data()) is not None
    if await _refused(message, request, text := announcement_text(message), caption):
        return
    await request.state.update_data(text_en=text)
    await ask_audience(request, message.chat.id, draft)


async def _refused(message: Message, request: Request, text: str, caption: bool) -> bool:
    if problem := text_problem(text, caption):
        await message.answer(request.t(problem.message, **problem.params))
    return problem is not None


async def got_time(message: Message, request: Request, draft: int) -> None:
    at = moment(message.text or "", request.now(), drafted_contest(request).zone)
    if isinstance(at, Problem):
        await message.answer(request.t(at.message, **at.params))
        return
    await request.state.update_data(at=at.isoformat())
    await show_preview(request, message.chat.id, draft)


STEPS: dict[State, Step] = {
    Drafting.text: got_text,
    Drafting.english: got_english,
    Drafting.teams: got_teams,
    Drafting.when: got_time,
}


async def draft_button(query: CallbackQuery, callback_data: DraftButton, request: Request) -> None:
    if callback_data.action is DraftAction.SKIP:
        await skip(query, callback_data, request)
    elif callback_data.action in (DraftAction.CONFIRM, DraftAction.PIN):
        await confirm(query, callback_data, request)
    else:
        await discard(query, callback_data, request)


async def skip(query: CallbackQuery, callback_data: DraftButton, request: Request) -> None:
    if await held_draft(request, callback_data.draft, Drafting.english) is None:
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    await request.state.update_data(text_en="")
    await ask_audience(request, chat_of(query), callback_data.draft)


async def pick_time(query: CallbackQuery, callback_data: WhenPick, request: Request) -> None:
    data = await held_draft(request, callback_data.draft, Drafting.when)
    if data is None or callback_data.minutes not in SEND_DELAYS:
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    minutes = callback_data.minutes
    at = request.now() + timedelta(minutes=minutes) if minutes else None
    await request.state.update_data(at=at.isoformat() if at else None)
    await show_preview(request, chat_of(query), callback_data.draft)
