"""Replies to questions asking one fact (`Ask`): the team asked about (named, else the asker's),
or the contest as a whole for someone in no team."""

from datetime import datetime

from bot.domain.interpreter import Ask, Query
from bot.domain.problems import N_
from bot.domain.schedule_views import Live, Turn, coming_up, on_stage, outlook
from bot.domain.snapshot import ContestSnapshot
from bot.domain.turns import asked_turns, current, following, neighbours, own_slots, team_turns
from bot.domain.viewer import Viewer
from bot.texts.schedule import team_text, turn_text
from bot.texts.team_answers import (
    check_in_count_text,
    check_in_text,
    countdown_text,
    done_text,
    go_staged_text,
    go_text,
    neighbours_text,
    team_turn_text,
)
from bot.texts.texts import Texts

NOT_IN_TEAM = N_("You are not in a team. /today shows the programme.")
_TEAM_ONLY = frozenset({Ask.ROSTER, Ask.NEIGHBOURS, Ask.DONE, Ask.COUNTDOWN, Ask.POSITION})


def fact_reply(
    t: Texts,
    snapshot: ContestSnapshot,
    viewer: Viewer,
    query: Query,
    now: datetime,
    live: Live,
    checked_in: frozenset[int],
) -> str | None:
    team = snapshot.teams.get(query.team_code or "") or viewer.team
    if team is None:
        return _contest_wide(t, snapshot, query, now, live, checked_in)
    own = viewer.team is not None and viewer.team.code == team.code
    ask, kinds = query.ask, query.round_kinds
    if ask is Ask.ROSTER:
        return team_text(t, snapshot, team)
    if ask is Ask.CHECK_IN:
        return check_in_text(t, team, snapshot.members.get(team.code, ()), checked_in)
    turns = asked_turns(snapshot, team.code, query, now, live)
    if ask is Ask.NEIGHBOURS:
        turn = current(own_slots(turns))
        return neighbours_text(t, team, neighbours(snapshot, turn), own=own) if turn else None
    if ask is Ask.POSITION:
        turn = current(own_slots(turns))
        return team_turn_text(t, snapshot, team, turn, own=own) if turn else None
    if ask is Ask.DONE:
        return done_text(t, snapshot, team, _asked_done(snapshot, turns, now, bool(kinds)), own=own)
    if ask is Ask.NEXT and not (kinds or query.day):
        turn = following(team_turns(snapshot, team.code, now, live))
    elif kinds or query.day:
        turn = current(turns)
    else:
        turn = outlook(snapshot, team.code, now, live).next
    if turn is None:
        return turn_text(t, snapshot, team, None, own=own)
    if ask is Ask.COUNTDOWN:
        return countdown_text(t, snapshot, team, turn, now, own=own)
    if ask is Ask.GO:
        return go_text(t, snapshot, team, turn, own=own)
    return team_turn_text(t, snapshot, team, turn, own=own)


def _asked_done(
    snapshot: ContestSnapshot, turns: list[Turn], now: datetime, named: bool
) -> list[Turn]:
    """A named round's turns; otherwise today's turns in a running order, else all of them."""
    if named or not turns:
        return turns
    ranked = own_slots(turns) or turns
    today = now.astimezone(snapshot.zone).date()
    return [turn for turn in ranked if snapshot.local_day(turn.slot) == today] or ranked


def _contest_wide(
    t: Texts,
    snapshot: ContestSnapshot,
    query: Query,
    now: datetime,
    live: Live,
    checked_in: frozenset[int],
) -> str | None:
    if query.ask is Ask.CHECK_IN:
        on_site = [p for members in snapshot.members.values() for p in members]
        arrived = sum(1 for p in on_site if p.id in checked_in)
        return check_in_count_text(t, arrived, len(on_site))
    if query.ask in _TEAM_ONLY:
        return t(NOT_IN_TEAM)
    staged = on_stage(snapshot, now, live)
    if query.ask is Ask.GO and staged:
        return "\n\n".join(go_staged_text(t, snapshot, s, now_on=True) for s in staged)
    upcoming = coming_up(snapshot, now, live)
    if upcoming is None:
        return None
    return go_staged_text(t, snapshot, upcoming, now_on=False)
