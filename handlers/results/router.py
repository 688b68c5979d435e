"""/publish and /standings: organizers see the draft, preview a round and make its results
official, or withdraw them with a reason."""

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.services.publication_status import publication_status, published_version
from bot.services.results import preview, publish, standings
from bot.services.withdrawal import withdraw_shown
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.keyboards import markup
from handlers.queries import chat_of, close_buttons
from handlers.request import Request
from handlers.results.callbacks import (
    PublishAnyway,
    PublishButton,
    PublishPreview,
    WithdrawPublication,
)
from handlers.results.views import (
    draft_text,
    preview_message,
    preview_rows,
    published_text,
    round_name,
    round_rows,
    withdrawn_text,
)

MAX_REASON = 500
STALE = N_("This button is no longer valid.")


class Withdrawing(StatesGroup):
    reason = State()


def create_router() -> Router:
    router = Router(name="results")
    router.message.register(choose, IsCommand(Command.PUBLISH))
    router.message.register(draft, IsCommand(Command.STANDINGS))
    router.message.register(reason_typed, StateFilter(Withdrawing.reason), PlainText())
    router.callback_query.register(preview_pressed, PublishPreview.filter())
    router.callback_query.register(publish_pressed, PublishButton.filter())
    router.callback_query.register(publish_anyway, PublishAnyway.filter())
    router.callback_query.register(withdraw_pressed, WithdrawPublication.filter())
    return router


async def choose(message: Message, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    status = await request.call(publication_status)
    await message.answer(
        t(N_("Which round? You first see a preview: what is scored and what is missing, who "
             "would receive what. Publishing sends every contestant their own result and the "
             "track's followers the standings; publishing again sends a correction.")),
        reply_markup=markup(*round_rows(t, snapshot, status)),
    )  # fmt: skip


async def preview_pressed(
    query: CallbackQuery, callback_data: PublishPreview, request: Request
) -> None:
    snapshot, t = request.snapshot, request.t
    round_ = request.round(callback_data.round)
    if snapshot is None or round_ is None or not _organizer(request):
        await stale_button(query, request)
        return
    try:
        seen = await request.call(
            preview, snapshot, round_.code, request.app.rules, request.app.views, t.locale
        )
    except ScoringError as error:
        await query.answer(t(error.message, **error.params), show_alert=True)
        return
    await query.answer()
    chat = chat_of(query)
    picture = BufferedInputFile(seen.picture, f"standings-{round_.code}.png")
    await request.bot.send_photo(chat, picture)
    await request.bot.send_message(
        chat, preview_message(t, snapshot, seen), reply_markup=markup(*preview_rows(t, seen))
    )


async def publish_pressed(
    query: CallbackQuery, callback_data: PublishButton, request: Request
) -> None:
    await _publish(query, request, callback_data.round, callback_data.version, anyway=False)


async def publish_anyway(
    query: CallbackQuery, callback_data: PublishAnyway, request: Request
) -> None:
    await _publish(query, request, callback_data.round, callback_data.version, anyway=True)


async def _publish(
    query: CallbackQuery, request: Request, round_id: int, version: int, anyway: bool
) -> None:
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    round_ = request.round(round_id)
    if snapshot is None or person is None or round_ is None or not _organizer(request):
        await stale_button(query, request)
        return
    try:
        done = await request.call(
            publish,
            snapshot,
            round_.code,
            person,
            version,
            request.now(),
            request.app.rules,
            request.app.views,
            request.app.settings.publish_confirmations,
            anyway=anyway,
        )
    except ScoringError as error:
        await query.answer(t(error.message, **error.params), show_alert=True)
        return
    await query.answer()
    await close_buttons(query)
    await request.bot.send_message(chat_of(query), published_text(t, round_, done))


async def withdraw_pressed(
    query: CallbackQuery, callback_data: WithdrawPublication, request: Request
) -> None:
    round_ = request.round(callback_data.round)
    if (
        round_ is None
        or request.viewer.person is None
        or not _organizer(request)
        or await request.call(published_version, round_.code) != callback_data.version
    ):
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    await request.state.set_state(Withdrawing.reason)
    await request.state.set_data({"round": round_.code, "version": callback_data.version})
    await request.bot.send_message(
        chat_of(query),
        request.t(N_("Why is version {version} of {round} withdrawn? Everyone who received it "
                     "is told this reason. Send it in one message (or /cancel)."),
                  version=callback_data.version, round=round_name(request.t, round_)),
    )  # fmt: skip


async def reason_typed(message: Message, request: Request) -> None:
    """The reason of a withdrawal: the step after the withdraw button."""
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    data = await request.state.get_data()
    await request.state.clear()
    round_ = snapshot.rounds.get(str(data.get("round", ""))) if snapshot else None
    if snapshot is None or person is None or round_ is None or not _organizer(request):
        await message.answer(t(STALE))
        return
    reason = (message.text or "").strip()[:MAX_REASON]
    try:
        done = await request.call(
            withdraw_shown, snapshot, round_.code, data.get("version"),
            person, reason, request.now(), request.app.views,
        )  # fmt: skip
    except ScoringError as error:
        await message.answer(t(error.message, **error.params))
        return
    # None: withdrawn or corrected since the button was pressed
    await message.answer(withdrawn_text(t, round_, done) if done is not None else t(STALE))


async def draft(message: Message, request: Request) -> None:
    """The standings as they stand, for organizers only (nothing here is published)."""
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    table = await request.call(standings, snapshot, request.app.rules)
    await message.answer(draft_text(t, snapshot, table))


def _organizer(request: Request) -> bool:
    return allowed(request.viewer.role, Command.PUBLISH)
