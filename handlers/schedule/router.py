"""Schedule commands: /today, /tomorrow, /schedule (by day, with buttons), /next, /where, /team."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command
from bot.domain.enums import Role
from bot.domain.problems import N_
from bot.services.check_ins import team_status
from bot.services.live_run import live_run
from bot.texts.answers import (
    ScheduleReply,
    day_reply,
    next_reply,
    schedule_page,
    where_reply,
)
from handlers.filters import IsCommand
from handlers.request import Request
from handlers.schedule.callbacks import SchedulePage
from handlers.schedule.keyboards import schedule_pages
from handlers.schedule.views import team_view


def create_router() -> Router:
    router = Router(name="schedule")
    router.message.register(next_turn, IsCommand(Command.NEXT))
    router.message.register(today, IsCommand(Command.TODAY))
    router.message.register(tomorrow, IsCommand(Command.TOMORROW))
    router.message.register(schedule, IsCommand(Command.SCHEDULE))
    router.message.register(where, IsCommand(Command.WHERE))
    router.message.register(team, IsCommand(Command.TEAM))
    router.callback_query.register(turn_page, SchedulePage.filter())
    return router


async def today(message: Message, request: Request) -> None:
    await _day(message, request, 0)


async def tomorrow(message: Message, request: Request) -> None:
    await _day(message, request, 1)


async def _day(message: Message, request: Request, offset: int) -> None:
    snapshot = request.snapshot
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    live = await request.call(live_run)
    text = day_reply(request.t, snapshot, request.viewer, request.now(), offset, live=live)
    await message.answer(text)


async def schedule(message: Message, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    if snapshot is None or not snapshot.days:
        await message.answer(request.no_contest())
        return
    now = request.now()
    today_ = now.astimezone(snapshot.zone).date()
    index = next((i for i, day in enumerate(snapshot.days) if day >= today_), 0)
    await message.answer(
        schedule_page(t, snapshot, request.viewer, index, now, await request.call(live_run)),
        reply_markup=schedule_pages(t, index, len(snapshot.days)),
    )


async def turn_page(query: CallbackQuery, callback_data: SchedulePage, request: Request) -> None:
    snapshot, t, day = request.snapshot, request.t, callback_data.day
    if snapshot is None or not 0 <= day < len(snapshot.days) or query.message is None:
        await query.answer(t(N_("This button is no longer valid.")), show_alert=True)
        return
    await query.answer()
    live = await request.call(live_run)
    await query.message.edit_text(  # type: ignore[union-attr]
        schedule_page(t, snapshot, request.viewer, day, request.now(), live),
        reply_markup=schedule_pages(t, day, len(snapshot.days)),
    )


async def next_turn(message: Message, request: Request) -> None:
    await _answer(message, request, next_reply)


async def where(message: Message, request: Request) -> None:
    await _answer(message, request, where_reply)


async def team(message: Message, request: Request) -> None:
    """The team; for its leader also each member's check-in and the turn's acknowledgement."""
    snapshot, viewer = request.snapshot, request.viewer
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    status = None
    if viewer.team is not None and viewer.role is Role.LEADER:
        status = await request.call(team_status, snapshot, viewer.team.code, request.now())
    await message.answer(team_view(request.t, snapshot, viewer, request.now(), status))


async def _answer(message: Message, request: Request, reply: ScheduleReply) -> None:
    snapshot = request.snapshot
    text = None
    if snapshot is not None:
        live = await request.call(live_run)
        text = reply(request.t, snapshot, request.viewer, request.now(), live)
    await message.answer(text or request.no_contest())
