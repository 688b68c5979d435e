"""The end of the broadcast dialogue: the preview, then Confirm (publish once) or Cancel."""

from datetime import datetime

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery

from bot.domain.audience import Audience, parse_audience, unknown_codes
from bot.domain.broadcasts import Broadcast
from bot.domain.problems import N_
from bot.services.broadcasts import Announcement, Preview, announce, preview
from bot.telegram.transport import post
from bot.texts.broadcasts import audience_name, queued_text, summary_text
from bot.texts.texts import Texts
from handlers.broadcast.callbacks import DraftAction, DraftButton
from handlers.broadcast.draft import (
    Draft,
    Drafting,
    ask_when,
    attachment,
    chosen_audience,
    drafted_contest,
    held_draft,
    send_at,
)
from handlers.broadcast.keyboards import broadcast_buttons, confirm_draft
from handlers.fallback.router import stale_button
from handlers.queries import chat_of, close_buttons
from handlers.request import Request


async def show_preview(request: Request, chat_id: int, draft: int) -> None:
    """The announcement as recipients will see it, then who gets it and when."""
    snapshot, t = drafted_contest(request), request.t
    data = await request.state.get_data()
    audience = chosen_audience(data)
    counts = await request.call(preview, snapshot, audience, request.now())
    if not await _posted(request, chat_id, data):
        return
    name = audience_name(t, snapshot, audience.key)
    await request.state.set_state(Drafting.confirm)
    await request.bot.send_message(
        chat_id,
        _summary(t, name, counts, data),
        reply_markup=confirm_draft(t, draft, counts.team_chats),
    )


async def _posted(request: Request, chat_id: int, data: Draft) -> bool:
    """Sends the announcement (and its English version) as it will go out; when Telegram
    refuses it, ends the dialogue and says why."""
    file = attachment(data)
    try:
        for text in [data["text"], *([data["text_en"]] if data.get("text_en") else [])]:
            await post(request.bot, chat_id, text, file)
    except TelegramBadRequest as error:  # what our checks missed, Telegram finds here
        await request.state.clear()
        await request.bot.send_message(
            chat_id,
            request.t(N_("Telegram refused the announcement ({error}), so nothing was sent. "
                         "/broadcast starts again."), error=error.message),
        )  # fmt: skip
        return False
    return True


def _summary(t: Texts, name: str, counts: Preview, data: Draft) -> str:
    return summary_text(
        t,
        name,
        counts.people,
        counts.reachable,
        send_at(data),
        english=bool(data.get("text_en")),
        team_chats=counts.team_chats,
    )


async def confirm(query: CallbackQuery, callback_data: DraftButton, request: Request) -> None:
    """Publishes the draft once: the state is cleared before anything else is awaited, so a
    second tap (or the same update again) finds no draft and is refused as a stale button."""
    data = await held_draft(request, callback_data.draft, Drafting.confirm)
    snapshot, person = request.snapshot, request.viewer.person
    audience = parse_audience(data.get("audience", "")) if data else None
    if data is None or audience is None or snapshot is None or person is None:
        await stale_button(query, request)
        return
    now = request.now()
    if await _time_passed(query, request, data, now, callback_data.draft):
        return
    await request.state.clear()
    if unknown_codes(audience, snapshot):  # a team or track was removed by a new import
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    announcement = _announcement(data, audience, query, callback_data)
    broadcast = await request.call(announce, now, snapshot, announcement, person.id)
    await _say_queued(request, chat_of(query), broadcast, announcement.send_at)


async def _say_queued(
    request: Request, chat_id: int, broadcast: Broadcast, when: datetime | None
) -> None:
    count, t = broadcast.recipients, request.t
    await request.bot.send_message(
        chat_id,
        queued_text(t, broadcast.id, count, when),
        reply_markup=broadcast_buttons(t, [(broadcast.id, count > 0)]),
    )


async def _time_passed(
    query: CallbackQuery, request: Request, data: Draft, now: datetime, draft: int
) -> bool:
    """A chosen time that has passed while the organizer read the preview: ask again."""
    when = send_at(data)
    if when is None or when > now:
        return False
    await query.answer()
    await close_buttons(query)
    await request.bot.send_message(
        chat_of(query),
        request.t(N_("The chosen time {time} has passed meanwhile."), time=request.t.moment(when)),
    )
    await ask_when(request, chat_of(query), draft)
    return True


def _announcement(
    data: Draft, audience: Audience, query: CallbackQuery, button: DraftButton
) -> Announcement:
    return Announcement(
        audience,
        data["text"],
        data.get("text_en", ""),
        send_at(data),
        origin=f"{chat_of(query)}:{button.draft}",  # confirming the same draft again is a no-op
        attachment=attachment(data),
        pin=button.action is DraftAction.PIN,
    )


async def discard(query: CallbackQuery, callback_data: DraftButton, request: Request) -> None:
    if await held_draft(request, callback_data.draft, *Drafting.__states__) is None:
        await stale_button(query, request)
        return
    await request.state.clear()
    await query.answer()
    await close_buttons(query)
    await request.bot.send_message(chat_of(query), request.t(N_("Cancelled. Nothing was sent.")))
