"""/daily: the opt-in daily set — when it comes and how many questions — by button or typed
(`/daily 07:45 5`, `/daily off`)."""

from contextlib import suppress
from datetime import time

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.domain.commands import Command, allowed
from bot.domain.practice_plan import DAILY_COUNTS, DAILY_TIMES, MAX_DAILY_COUNT
from bot.domain.problems import N_
from bot.services.practice_push import change_daily, choose_daily, daily_preferences
from bot.texts.practice_plan import QUESTIONS, daily_text
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand
from handlers.keyboards import button, markup
from handlers.practice.callbacks import DailyButton
from handlers.queries import already_handled
from handlers.request import Request

OFF = -1
OFF_WORDS = frozenset({"off", "stop", "关", "关闭", "取消", "停止"})
MINUTES_A_DAY = 24 * 60


def create_router() -> Router:
    router = Router(name="practice_daily")
    router.message.register(show, IsCommand(Command.DAILY))
    router.callback_query.register(pressed, DailyButton.filter())
    return router


async def show(message: Message, request: Request) -> None:
    person, t = request.viewer.person, request.t
    if person is None or person.id is None or request.snapshot is None:
        await message.answer(request.no_contest())
        return
    if request.args:
        typed = _typed(request.args)
        if typed is None:
            await message.answer(t(N_("Write a time and, if you like, how many questions "
                                      "(1–{most}): /daily 07:45 5, or /daily off."),
                                   most=MAX_DAILY_COUNT))  # fmt: skip
            return
        at, count = typed
        preferences = await request.call(choose_daily, person.id, at, count, request.now())
    else:
        preferences = await request.call(daily_preferences, person.id)
    at = preferences.daily_at
    await message.answer(
        daily_text(t, preferences),
        reply_markup=_buttons(request, _minute(at), preferences.daily_count),
    )


async def pressed(query: CallbackQuery, callback_data: DailyButton, request: Request) -> None:
    person = request.viewer.person
    minute, count = callback_data.minute, callback_data.count
    if (
        person is None
        or person.id is None
        or not allowed(request.viewer.role, Command.DAILY)
        or not OFF <= minute < MINUTES_A_DAY
        or not 1 <= count <= MAX_DAILY_COUNT
        or not isinstance(query.message, Message)
    ):
        await stale_button(query, request)
        return
    at = None if minute == OFF else time(minute // 60, minute % 60)
    chosen = await request.call(change_daily, person.id, at, count, request.now())
    if not chosen.changed:  # a double tap, or a copy of the buttons gone stale
        await already_handled(query, request)
    else:
        await query.answer(request.t(N_("Saved.")))
    with suppress(TelegramBadRequest):  # the same text again (a repeated tap)
        await query.message.edit_text(
            daily_text(request.t, chosen.preferences),
            reply_markup=_buttons(request, minute, count),
        )


def _buttons(request: Request, minute: int, count: int) -> InlineKeyboardMarkup:
    """Times and counts; ✓ marks the current choice, and each button keeps the other half."""

    def mark(label: str, on: bool) -> str:
        return f"✓ {label}" if on else label

    times = [
        button(mark(at.strftime("%H:%M"), _minute(at) == minute),
               DailyButton(minute=_minute(at), count=count))
        for at in DAILY_TIMES
    ]  # fmt: skip
    counts = [
        button(mark(request.t(QUESTIONS, count=n), n == count),
               DailyButton(minute=minute, count=n))
        for n in DAILY_COUNTS
    ]  # fmt: skip
    off = button(mark(request.t(N_("Off")), minute == OFF), DailyButton(minute=OFF, count=count))
    return markup(times[:3], times[3:], counts, [off])


def _minute(at: time | None) -> int:
    return OFF if at is None else at.hour * 60 + at.minute


def _typed(args: str) -> tuple[time | None, int | None] | None:
    """('07:45 5' →) the time and count typed; None when it cannot be read."""
    words = args.replace("：", ":").split()
    if len(words) == 1 and words[0].casefold() in OFF_WORDS:
        return None, None
    try:
        at = time.fromisoformat(words[0].zfill(5)) if words else None
        count = int(words[1]) if len(words) == 2 else None
    except ValueError:
        return None
    if at is None or len(words) > 2 or (count is not None and not 1 <= count <= MAX_DAILY_COUNT):
        return None
    return at.replace(second=0, microsecond=0), count
