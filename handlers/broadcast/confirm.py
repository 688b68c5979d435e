"""The end of the broadcast dialogue: the preview, then Confirm (publish once) or Cancel."""

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery

from bot.domain.audience import parse_audience, unknown_codes
from bot.domain.problems import N_
from bot.services.broadcasts import Announcement, preview, publish
from bot.telegram.transport import post
from bot.texts.broadcasts import audience_name, queued_text, summary_text
from handlers.broadcast.callbacks import DraftAction, DraftButton
from handlers.broadcast.draft import Drafting, ask_when, attachment, held_draft, send_at
from handlers.broadcast.keyboards import broadcast_buttons, confirm_draft
from handlers.fallback.router import stale_button
from handlers.queries import chat_of, close_buttons
from handlers.request import Request


async def show_preview(request: Request, chat_id: int, draft: int) -> None:
    """The announcement as recipients will see it, then who gets it and when."""
    snapshot, t, bot = request.snapshot, request.t, request.bot
    data = await request.state.get_data()
    audience = parse_audience(data.get("audience", ""))
    assert snapshot is not None
    assert audience is not None
    counts = await preview(request.work, snapshot, audience, request.now())
    file = attachment(data)
    try:
        for text in [data["text"], *([data["text_en"]] if data.get("text_en") else [])]:
            await post(bot, chat_id, text, file)
    except TelegramBadRequest as error:  # what our checks missed, Telegram finds here
        await request.state.clear()
        await bot.send_message(
            chat_id,
            t(N_("Telegram refused the announcement ({error}), so nothing was sent. "
                 "/broadcast starts again."), error=error.message),
        )  # fmt: skip
        return
    summary = summary_text(
        t,
        audience_name(t, snapshot, audience.key),
        counts.people,
        counts.reachable,
        send_at(data),
        english=bool(data.get("text_en")),
        team_chats=counts.team_chats,
    )
    await request.state.set_state(Drafting.confirm)
    await bot.send_message(
        chat_id, summary, reply_markup=confirm_draft(t, draft, counts.team_chats)
    )


async def confirm(query: CallbackQuery, callback_data: DraftButton, request: Request) -> None:
    """Publishes the draft once: the state is cleared before anything else is awaited, so a
    second tap (or the same update again) finds no draft and is refused as a stale button."""
    data = await held_draft(request, callback_data.draft, Drafting.confirm)
    snapshot, person, t = request.snapshot, request.viewer.person, request.t
    audience = parse_audience(data.get("audience", "")) if data else None
    if data is None or audience is None or snapshot is None or person is None:
        await stale_button(query, request)
        return
    now = request.now()
    when = send_at(data)
    if when is not None and when <= now:
        await query.answer()
        await close_buttons(query)
        await request.bot.send_message(
            chat_of(query),
            t(N_("The chosen time {time} has passed meanwhile."), time=t.moment(when)),
        )
        await ask_when(request, chat_of(query), callback_data.draft)
        return
    await request.state.clear()
    if unknown_codes(audience, snapshot):  # a team or track was removed by a new import
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    origin = f"{chat_of(query)}:{callback_data.draft}"
    announcement = Announcement(
        audience,
        data["text"],
        data.get("text_en", ""),
        when,
        origin,
        attachment(data),
        pin=callback_data.action is DraftAction.PIN,
    )
    broadcast = await publish(request.work, now, snapshot, announcement, person.id)
    stored = await request.work.broadcasts.get(broadcast.id)
    count = stored.recipients if stored else 0
    await request.bot.send_message(
        chat_of(query),
        queued_text(t, broadcast.id, count, when),
        reply_markup=broadcast_buttons(t, [(broadcast.id, count > 0)]),
    )


async def discard(query: CallbackQuery, callback_data: DraftButton, request: Request) -> None:
    if await held_draft(request, callback_data.draft, *Drafting.__states__) is None:
        await stale_button(query, request)
        return
    await request.state.clear()
    await query.answer()
    await close_buttons(query)
    await request.bot.send_message(chat_of(query), request.t(N_("Cancelled. Nothing was sent.")))
