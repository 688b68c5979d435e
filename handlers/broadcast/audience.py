"""The broadcast dialogue's audience step: buttons with member counts, or typed team codes."""

from aiogram.types import CallbackQuery, Message

from bot.domain.audience import AudienceKind, parse_audience, unknown_codes
from bot.services.broadcasts import previews
from bot.texts.broadcasts import ASK_AUDIENCE, ASK_TEAMS
from handlers.broadcast.callbacks import AudiencePick
from handlers.broadcast.draft import Drafting, ask_when, drafted_contest, held_draft
from handlers.broadcast.input import Problem, team_audience
from handlers.broadcast.keyboards import audience_options
from handlers.broadcast.views import audience_labels
from handlers.fallback.router import stale_button
from handlers.queries import chat_of, close_buttons
from handlers.request import Request


def audience_keys(track_codes: list[str]) -> list[str]:
    """What the buttons offer, in order; 'teams' (last) asks for team codes."""
    return [
        AudienceKind.EVERYONE.value,
        *(f"{AudienceKind.TRACK}:{code}" for code in track_codes),
        AudienceKind.CONTESTANTS.value,
        AudienceKind.LEADERS.value,
        *(f"{AudienceKind.LEADERS}:{code}" for code in track_codes),
        AudienceKind.JUDGES.value,
        AudienceKind.ORGANIZERS.value,
        AudienceKind.NOT_CHECKED_IN.value,
        *(f"{AudienceKind.FOLLOWERS}:{code}" for code in track_codes),
        AudienceKind.TEAMS.value,
    ]


async def ask_audience(request: Request, chat_id: int, draft: int) -> None:
    snapshot, t = drafted_contest(request), request.t
    options = audience_keys(list(snapshot.tracks))
    counted = await request.call(previews, snapshot, options, request.now())
    labels = audience_labels(t, snapshot, options, counted)
    await request.state.update_data(options=options)
    await request.state.set_state(Drafting.audience)
    await request.bot.send_message(
        chat_id, t(ASK_AUDIENCE), reply_markup=audience_options(labels, draft)
    )


async def pick_audience(
    query: CallbackQuery, callback_data: AudiencePick, request: Request
) -> None:
    data = await held_draft(request, callback_data.draft, Drafting.audience)
    options: list[str] = data.get("options", []) if data else []
    key = options[callback_data.option] if 0 <= callback_data.option < len(options) else None
    audience = parse_audience(key) if key else None
    snapshot = request.snapshot
    # Stale too when the contest changed since the buttons were made.
    if key is None or snapshot is None or (audience and unknown_codes(audience, snapshot)):
        await stale_button(query, request)
        return
    await query.answer()
    await close_buttons(query)
    if audience is None:  # Teams…
        await request.state.set_state(Drafting.teams)
        await request.bot.send_message(chat_of(query), request.t(ASK_TEAMS))
        return
    await request.state.update_data(audience=key)
    await ask_when(request, chat_of(query), callback_data.draft)


async def got_teams(message: Message, request: Request, draft: int) -> None:
    audience = team_audience(message.text or "", drafted_contest(request))
    if isinstance(audience, Problem):
        await message.answer(request.t(audience.message, **audience.params))
        return
    await request.state.update_data(audience=audience.key)
    await ask_when(request, message.chat.id, draft)
