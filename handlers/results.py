"""/publish and /standings: organizers see the draft and make a round's results official."""

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.services.results import SCORED, publish, standings
from bot.texts.results import standings_lines
from handlers.fallback import stale_button
from handlers.keyboards import PublishButton, button, markup
from handlers.queries import chat_of, close_buttons
from handlers.request import Request


def create_router() -> Router:
    router = Router(name="results")
    router.callback_query.register(publish_pressed, PublishButton.filter())
    return router


async def choose(message: Message, request: Request) -> None:
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    published = await request.uow.publications.published()
    asked = await request.uow.publications.requests()
    rows = []
    for round_ in snapshot.data.rounds:
        if round_.kind not in SCORED or round_.id is None:
            continue
        version = published.get(round_.code, 0)
        state = (
            t(N_("published (version {version})"), version=version) if version
            else t(N_("draft"))
        )  # fmt: skip
        if round_.code in asked:
            state = t(N_("asked by {organizer}, to confirm"), organizer=asked[round_.code][1])
        label = f"{t.name(round_.name, round_.name_en)} · {state}"
        rows.append([button(label, PublishButton(round=round_.id, version=version + 1))])
    await message.answer(
        t(N_("Which round's results are official? Publishing sends every contestant their own "
             "result and the track's followers the standings; publishing again sends a "
             "correction.")),
        reply_markup=markup(*rows),
    )  # fmt: skip


async def publish_pressed(
    query: CallbackQuery, callback_data: PublishButton, request: Request
) -> None:
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    round_ = request.round(callback_data.round)
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
            request.uow,
            snapshot,
            round_.code,
            person,
            callback_data.version,
            request.now(),
            request.app.rules,
            request.app.settings.publish_confirmations,
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


async def draft(message: Message, request: Request) -> None:
    """The standings as they stand, for organizers only (nothing here is published)."""
    snapshot, t = request.snapshot, request.t
    if snapshot is None:
        await message.answer(request.no_contest())
        return
    table = await standings(request.uow, snapshot, request.app.rules)
    blocks = [t(N_("<b>Draft standings — not published</b>"))]
    blocks += [standings_lines(t, snapshot, table, track) for track in table.tracks]
    await message.answer("\n\n".join(blocks))
