"""Replies to schedule questions, whether asked by command, button or in free text.

Every reply takes the live run (`Live`: each round's recorded progress) so that a command and a
question in plain words about the same thing say the same.
"""

from datetime import datetime, timedelta
from html import escape
from typing import Protocol

from bot.domain.contest import Team
from bot.domain.interpreter import Intent, PartOfDay, Query
from bot.domain.problems import N_
from bot.domain.schedule_views import (
    NOT_LIVE,
    Live,
    coming_up,
    day_lines,
    first_day_from,
    on_stage,
    outlook,
    round_spans,
    slot_statuses,
)
from bot.domain.snapshot import ContestSnapshot
from bot.domain.turns import asked_turns, current
from bot.domain.viewer import Viewer
from bot.texts.fact_answers import NOT_IN_TEAM, fact_reply
from bot.texts.schedule import (
    day_text,
    outlook_text,
    settled_text,
    spans_text,
    stage_text,
    team_text,
    turn_text,
    venues_text,
)
from bot.texts.team_answers import team_turn_text
from bot.texts.texts import Texts


class ScheduleReply(Protocol):
    """A reply that needs nothing but the reader, the contest, the viewer, the time and the
    live run."""

    def __call__(
        self,
        t: Texts,
        snapshot: ContestSnapshot,
        viewer: Viewer,
        now: datetime,
        live: Live = ...,
        /,
    ) -> str: ...


def day_reply(
    t: Texts,
    snapshot: ContestSnapshot,
    viewer: Viewer,
    now: datetime,
    offset_days: int = 0,
    part: PartOfDay | None = None,
    live: Live = NOT_LIVE,
) -> str:
    day = now.astimezone(snapshot.zone).date() + timedelta(days=offset_days)
    team = viewer.team.code if viewer.team else None
    lines = day_lines(
        snapshot, day, track_code=viewer.track_code, team_code=team, part=part, now=now, live=live
    )
    text = day_text(t, snapshot, day, lines)
    if not lines and part is None and (later := first_day_from(snapshot, day)) is not None:
        text += "\n" + t(N_("The next contest day is {day}: /schedule"), day=t.day(later))
    return text


def schedule_page(
    t: Texts,
    snapshot: ContestSnapshot,
    viewer: Viewer,
    index: int,
    now: datetime | None = None,
    live: Live = NOT_LIVE,
) -> str:
    day = snapshot.days[index]
    team = viewer.team.code if viewer.team else None
    lines = day_lines(
        snapshot, day, track_code=viewer.track_code, team_code=team, now=now, live=live
    )
    return day_text(t, snapshot, day, lines)


def next_reply(
    t: Texts, snapshot: ContestSnapshot, viewer: Viewer, now: datetime, live: Live = NOT_LIVE
) -> str:
    if viewer.team is None:
        return t(NOT_IN_TEAM)
    return _team_outlook(t, snapshot, viewer, viewer.team, now, live)


def team_reply(
    t: Texts, snapshot: ContestSnapshot, viewer: Viewer, _now: datetime, live: Live = NOT_LIVE
) -> str:
    if viewer.team is None:
        return t(NOT_IN_TEAM)
    return team_text(t, snapshot, viewer.team)


def where_reply(
    t: Texts, snapshot: ContestSnapshot, viewer: Viewer, now: datetime, live: Live = NOT_LIVE
) -> str:
    text = venues_text(t, snapshot)
    if viewer.team is None:
        return text
    seen = outlook(snapshot, viewer.team.code, now, live)
    if seen.settled is not None:
        text += "\n\n" + settled_text(t, viewer.team, seen.settled)
    if seen.next is not None:
        stop = turn_text(t, snapshot, viewer.team, seen.next)
        text += "\n\n" + t(N_("Your next stop:")) + "\n" + stop
    return text


def _team_outlook(
    t: Texts, snapshot: ContestSnapshot, viewer: Viewer, team: Team, now: datetime, live: Live
) -> str:
    own = viewer.team is not None and viewer.team.code == team.code
    text = outlook_text(t, snapshot, team, outlook(snapshot, team.code, now, live), own=own)
    return text if own else f"<b>{escape(team.name)}</b>\n{text}"


def answer_query(
    t: Texts,
    snapshot: ContestSnapshot,
    viewer: Viewer,
    query: Query,
    now: datetime,
    live: Live = NOT_LIVE,
    checked_in: frozenset[int] = frozenset(),
) -> str | None:
    """The reply to an interpreted question, or None when it cannot be answered from the data."""
    team = snapshot.teams.get(query.team_code or "") or None
    if query.ask is not None:
        return fact_reply(t, snapshot, viewer, query, now, live, checked_in)
    own_team = query.own_team or query.intent is Intent.MY_TURN
    subject = team or (viewer.team if own_team else None)
    dated = query.day is not None and query.intent is not Intent.WHATS_ON
    turn_asked = query.intent is not Intent.HOW_LONG  # how long: the round's lengths
    if subject is not None and turn_asked and (query.round_kinds or dated):
        turn = current(asked_turns(snapshot, subject.code, query, now, live))
        if turn is not None:
            own = viewer.team is not None and viewer.team.code == subject.code
            return team_turn_text(
                t, snapshot, subject, turn, own=own, directions=query.intent is Intent.WHERE
            )
    track = query.track_code or (team.track_code if team else viewer.track_code)
    if query.intent is Intent.ON_STAGE:
        return stage_text(
            t, snapshot, on_stage(snapshot, now, live), coming_up(snapshot, now, live)
        )
    if query.intent is Intent.MY_TURN or (query.team_code and not query.round_kinds):
        subject = team or viewer.team
        if subject is None:
            return t(NOT_IN_TEAM)
        return _team_outlook(t, snapshot, viewer, subject, now, live)
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
            statuses=slot_statuses(snapshot, live, now),
        )
    if query.intent is Intent.WHERE:
        return where_reply(t, snapshot, viewer, now, live)
    if query.intent in (Intent.WHATS_ON, Intent.WHEN) or query.day is not None:
        day = query.day or now.astimezone(snapshot.zone).date()
        part = query.part_of_day
        offset = (day - now.astimezone(snapshot.zone).date()).days
        return day_reply(t, snapshot, viewer, now, offset, part, live)
    return None
