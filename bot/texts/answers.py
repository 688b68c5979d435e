"""Replies to schedule questions, whether asked by command, button or in free text."""

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.domain.interpreter import Intent, PartOfDay, Query
from bot.domain.problems import N_
from bot.domain.schedule_views import (
    day_lines,
    first_day_from,
    next_turn,
    on_stage,
    round_spans,
)
from bot.domain.snapshot import ContestSnapshot
from bot.services.accounts import Viewer
from bot.texts.schedule import (
    day_text,
    spans_text,
    stage_text,
    team_text,
    turn_text,
    venues_text,
)
from bot.texts.texts import Texts

# The replies that need nothing but the reader, the contest, the viewer and the time.
ScheduleReply = Callable[[Texts, ContestSnapshot, Viewer, datetime], str]


def day_reply(
    t: Texts,
    snapshot: ContestSnapshot,
    viewer: Viewer,
    now: datetime,
    offset_days: int = 0,
    part: PartOfDay | None = None,
) -> str:
    day = now.astimezone(snapshot.zone).date() + timedelta(days=offset_days)
    team = viewer.team.code if viewer.team else None
    lines = day_lines(snapshot, day, track_code=viewer.track_code, team_code=team, part=part)
    text = day_text(t, snapshot, day, lines)
    if not lines and part is None and (later := first_day_from(snapshot, day)) is not None:
        text += "\n" + t(N_("The next contest day is {day}: /schedule"), day=t.day(later))
    return text


def schedule_page(t: Texts, snapshot: ContestSnapshot, viewer: Viewer, index: int) -> str:
    day = snapshot.days[index]
    team = viewer.team.code if viewer.team else None
    return day_text(
        t, snapshot, day, day_lines(snapshot, day, track_code=viewer.track_code, team_code=team)
    )


def next_reply(t: Texts, snapshot: ContestSnapshot, viewer: Viewer, now: datetime) -> str:
    if viewer.team is None:
        return t(N_("You are not in a team. /today shows the programme."))
    return turn_text(t, snapshot, viewer.team, next_turn(snapshot, viewer.team.code, now))


def team_reply(t: Texts, snapshot: ContestSnapshot, viewer: Viewer, _now: datetime) -> str:
    if viewer.team is None:
        return t(N_("You are not in a team. /today shows the programme."))
    return team_text(t, snapshot, viewer.team)


def where_reply(t: Texts, snapshot: ContestSnapshot, viewer: Viewer, now: datetime) -> str:
    text = venues_text(t, snapshot)
    if viewer.team is not None and (turn := next_turn(snapshot, viewer.team.code, now)):
        text += "\n\n" + t(N_("Your next stop:")) + "\n" + turn_text(t, snapshot, viewer.team, turn)
    return text


def answer_query(
    t: Texts, snapshot: ContestSnapshot, viewer: Viewer, query: Query, now: datetime
) -> str | None:
    """The reply to an interpreted question, or None when it cannot be answered from the data."""
    team = snapshot.teams.get(query.team_code or "") or None
    track = query.track_code or (team.track_code if team else viewer.track_code)
    if query.intent is Intent.ON_STAGE:
        return stage_text(t, snapshot, on_stage(snapshot, now), now)
    if query.intent is Intent.MY_TURN or (query.team_code and not query.round_kinds):
        subject = team or viewer.team
        if subject is None:
            return t(N_("You are not in a team. /today shows the programme."))
        return turn_text(t, snapshot, subject, next_turn(snapshot, subject.code, now))
    if query.intent is Intent.WHERE and query.venue_code:
        return venues_text(t, snapshot, [query.venue_code])
    if query.round_kinds:
        spans = round_spans(snapshot, query.round_kinds, track)
        if not spans:
            return None
        return spans_text(
            t,
            snapshot,
            spans,
            team or viewer.team,
            directions=query.intent is Intent.WHERE,
            duration=query.intent is Intent.HOW_LONG,
        )
    if query.intent is Intent.WHERE:
        return where_reply(t, snapshot, viewer, now)
    if query.intent in (Intent.WHATS_ON, Intent.WHEN) or query.day is not None:
        day = query.day or now.astimezone(snapshot.zone).date()
        part = query.part_of_day
        offset = (day - now.astimezone(snapshot.zone).date()).days
        return day_reply(t, snapshot, viewer, now, offset, part)
    return None
