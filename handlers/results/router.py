"""/publish and /standings: organizers see the draft, preview a round and make its results
official, or withdraw them with a reason."""

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, Message

from bot.domain.commands import Command, allowed
from bot.domain.contest import Round
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.snapshot import ContestSnapshot
from bot.services.results import SCORED, Preview, preview, publish, standings
from bot.services.withdrawal import withdraw
from bot.texts.results import missing_summary, preview_text, standings_lines
from bot.texts.texts import Texts
from handlers.fallback.router import stale_button
from handlers.filters import IsCommand, PlainText
from handlers.keyboards import button, markup
from handlers.queries import chat_of, close_buttons
from handlers.request import Request
from handlers.results.callbacks import (
    PublishAnyway,
    PublishButton,
    PublishPreview,
    WithdrawPublication,
)

MAX_REASON = 500


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
    published = await request.work.publications.published()
    versions = await request.work.publications.versions()
    asked = await request.work.publications.requests()
    rows = []
    for round_ in snapshot.data.rounds:
        if round_.kind not in SCORED or round_.id is None:
            continue
        version = published.get(round_.code, 0)
        state = (
            t(N_("published (version {version})"), version=version) if version
            else t(N_("withdrawn")) if versions.get(round_.code) else t(N_("draft"))
        )  # fmt: skip
        if round_.code in asked:
            state = t(N_("asked by {organizer}, to confirm"), organizer=asked[round_.code][1])
        label = f"{t.name(round_.name, round_.name_en)} · {state}"
        rows.append([button(label, PublishPreview(round=round_.id))])
    await message.answer(
        t(N_("Which round? You first see a preview: what is scored and what is missing, who "
             "would receive what. Publishing sends every contestant their own result and the "
             "track's followers the standings; publishing again sends a correction.")),
        reply_markup=markup(*rows),
    )  # fmt: skip


async def preview_pressed(
    query: CallbackQuery, callback_data: PublishPreview, request: Request
) -> None:
    snapshot, t = request.snapshot, request.t
    round_ = request.round(callback_data.round)
    if snapshot is None or round_ is None or not allowed(request.viewer.role, Command.PUBLISH):
        await stale_button(query, request)
        return
    try:
        seen = await preview(
            request.work, snapshot, round_.code, request.app.rules, request.app.views, t.locale
        )
    except ScoringError as error:
        await query.answer(t(error.message, **error.params), show_alert=True)
        return
    await query.answer()
    chat = chat_of(query)
    picture = BufferedInputFile(seen.picture, f"standings-{round_.code}.png")
    await request.bot.send_photo(chat, picture)
    await request.bot.send_message(
        chat, _preview_message(t, snapshot, seen), reply_markup=markup(*_preview_rows(t, seen))
    )


def _preview_message(t: Texts, snapshot: ContestSnapshot, seen: Preview) -> str:
    blocks = [
        preview_text(t, snapshot, seen.round, seen.done, seen.contestants, seen.followers,
                     seen.version),
        t(N_("<b>A contestant would read:</b>")) + "\n" + (seen.sample or "–"),
        t(N_("<b>Followers would read</b> (with the picture above):")) + "\n"
        + seen.follower_text,
    ]  # fmt: skip
    if seen.asked_by:
        blocks.append(t(N_("{organizer} asked to publish this version; your confirmation "
                           "publishes it."), organizer=seen.asked_by))  # fmt: skip
    return "\n\n".join(blocks)


def _preview_rows(t: Texts, seen: Preview) -> list[list[InlineKeyboardButton]]:
    round_id, version, done = seen.round.id or 0, seen.version, seen.done
    rows = []
    if done.complete:
        rows.append([button(t(N_("✅ Publish version {version}"), version=version),
                            PublishButton(round=round_id, version=version))])  # fmt: skip
    elif done.scored:
        label = t(N_("⚠ Publish anyway: {scored} of {count} scored, missing {missing}"),
                  scored=len(done.scored), count=len(done.expected),
                  missing=missing_summary(done))  # fmt: skip
        rows.append([button(label, PublishAnyway(round=round_id, version=version))])
    if seen.published:
        label = t(N_("↩ Withdraw version {version}"), version=seen.published)
        rows.append([button(label, WithdrawPublication(round=round_id, version=seen.published))])
    return rows


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
    if (
        snapshot is None
        or person is None
        or round_ is None
        or not allowed(request.viewer.role, Command.PUBLISH)
    ):
        await stale_button(query, request)
        return
    try:
        done = await publish(
            request.work,
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
    message = (
        N_("Version {version} of {round} needs a second organizer: another organizer confirms "
           "it with /publish.") if done.awaiting
        else N_("{round} is published (version {version}); {count} messages are on their way.")
        if done.first_time
        else N_("Version {version} of {round} was published already; nothing was sent again.")
    )  # fmt: skip
    await request.bot.send_message(
        chat_of(query), t(message, round=round_.code, version=done.version, count=done.notified)
    )


async def withdraw_pressed(
    query: CallbackQuery, callback_data: WithdrawPublication, request: Request
) -> None:
    round_ = request.round(callback_data.round)
    if (
        round_ is None
        or request.viewer.person is None
        or not allowed(request.viewer.role, Command.PUBLISH)
        or (await request.work.publications.published()).get(round_.code) != callback_data.version
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
                  version=callback_data.version, round=_name(request.t, round_)),
    )  # fmt: skip


async def reason_typed(message: Message, request: Request) -> None:
    """The reason of a withdrawal: the step after the withdraw button."""
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    data = await request.state.get_data()
    await request.state.clear()
    text = (message.text or "").strip()[:MAX_REASON]
    round_ = snapshot.rounds.get(str(data.get("round", ""))) if snapshot else None
    if (
        snapshot is None
        or person is None
        or round_ is None
        or not allowed(request.viewer.role, Command.PUBLISH)
        or (await request.work.publications.published()).get(round_.code) != data.get("version")
    ):
        await message.answer(t(N_("This button is no longer valid.")))
        return
    try:
        done = await withdraw(
            request.work, snapshot, round_.code, person, text, request.now(), request.app.views
        )
    except ScoringError as error:
        await message.answer(t(error.message, **error.params))
        return
    await message.answer(
        t(N_("Version {version} of {round} is withdrawn; {count} correction notices are on "
             "their way."), version=done.version, round=_name(t, round_), count=done.notified)
    )  # fmt: skip


async def draft(message: Message, request: Request) -> None:
    """The standings as they stand, for organizers only (nothing here is published)."""
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    table = await standings(request.work, snapshot, request.app.rules)
    blocks = [t(N_("<b>Draft standings — not published</b>"))]
    blocks += [standings_lines(t, snapshot, table, track, people=True) for track in table.tracks]
    await message.answer("\n\n".join(blocks))


def _name(t: Texts, round_: Round) -> str:
    return t.name(round_.name, round_.name_en)
