"""Answers about one team's turns: time left, neighbours, over or not, check-ins, where to go."""

from collections.abc import Sequence
from datetime import datetime
from html import escape

from bot.domain.contest import Person, Team, Venue
from bot.domain.problems import N_
from bot.domain.schedule_views import Staged, Turn
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import TurnPhase
from bot.domain.turns import Neighbours
from bot.texts.schedule import round_title, settled_text, turn_text
from bot.texts.texts import Texts

LONG_WAIT = 120  # minutes; beyond it hours are easier to read


def team_turn_text(
    t: Texts,
    snapshot: ContestSnapshot,
    team: Team,
    turn: Turn,
    *,
    own: bool,
    directions: bool = False,
) -> str:
    """A team's turn, headed by the team's name when it is not the reader's own."""
    text = turn_text(t, snapshot, team, turn, own=own)
    if not own:
        text = f"<b>{escape(team.name)}</b>\n{text}"
    if directions and turn.venue is not None and turn.venue.directions:
        text += "\n" + escape(turn.venue.directions)
    return text


def countdown_text(
    t: Texts, snapshot: ContestSnapshot, team: Team, turn: Turn, now: datetime, *, own: bool
) -> str:
    status = turn.status
    if status.settled:
        return settled_text(t, team, turn, own=own)
    if turn.in_progress or status.phase is TurnPhase.ON_STAGE:
        return turn_text(t, snapshot, team, turn, own=own)
    minutes = max(0, int((status.starts_at - now).total_seconds() // 60))
    name = round_title(t, turn.round, turn.slot)
    if status.live:
        message = N_("{round}: about {wait} to go, expected at {time} (live).")
    else:
        message = N_("{round}: {wait} to go, at {time} (planned).")
    when = t.clock(status.starts_at)
    if status.starts_at.astimezone(t.zone).date() != now.astimezone(t.zone).date():
        when = t.moment(status.starts_at)
    lead = t(message, round=name, wait=_wait(t, minutes), time=when)
    return lead + "\n\n" + team_turn_text(t, snapshot, team, turn, own=own)


def _wait(t: Texts, minutes: int) -> str:
    if minutes < LONG_WAIT:
        return t(N_("{minutes} min"), minutes=minutes)
    return t(N_("{hours} h ({minutes} min)"), hours=minutes // 60, minutes=minutes)


def neighbours_text(t: Texts, team: Team, found: Neighbours, *, own: bool) -> str:
    turn = found.turn
    before = escape(found.before.name) if found.before else t(N_("nobody (first in the order)"))
    after = escape(found.after.name) if found.after else t(N_("nobody (last in the order)"))
    if own:
        message = N_("{round}, No. {position} of {size}: before you {before}; after you {after}.")
    else:
        message = N_(
            "{round}, {team} is No. {position} of {size}: before it {before}; after it {after}."
        )
    return t(
        message, round=round_title(t, turn.round), team=team.name, position=turn.position,
        size=turn.round_size, before=before, after=after,
    )  # fmt: skip


def done_text(
    t: Texts, snapshot: ContestSnapshot, team: Team, turns: Sequence[Turn], *, own: bool
) -> str:
    """Over or not: every turn asked about settled (yes), or the first still ahead (not yet)."""
    ahead = next((turn for turn in turns if not turn.status.settled), None)
    if ahead is None:
        last = turns[-1]
        name = round_title(t, last.round, last.slot)
        message = (
            N_("Yes, {round} is already over for you.")
            if own
            else N_("Yes, {round} is already over for {team}.")
        )
        return t(message, round=name, team=team.name) + "\n" + settled_text(t, team, last, own=own)
    name = round_title(t, ahead.round, ahead.slot)
    message = (
        N_("Not yet: {round} is still ahead of you.")
        if own
        else N_("Not yet: {round} is still ahead of {team}.")
    )
    lead = t(message, round=name, team=team.name)
    return lead + "\n\n" + team_turn_text(t, snapshot, team, ahead, own=own)


def check_in_text(t: Texts, team: Team, members: Sequence[Person], checked: frozenset[int]) -> str:
    arrived = [p.name for p in members if p.id in checked]
    missing = [p.name for p in members if p.id not in checked]
    if not missing:
        return t(N_("Everyone in {team} has checked in today."), team=team.name)
    lines = [t(N_("Not checked in yet today: {names}."), names=t.list(missing))]
    if arrived:
        lines.insert(0, t(N_("Checked in today: {names}."), names=t.list(arrived)))
    return "\n".join(lines)


def check_in_count_text(t: Texts, checked: int, people: int) -> str:
    return t(N_("{count} of {total} people have checked in today."), count=checked, total=people)


def go_text(t: Texts, snapshot: ContestSnapshot, team: Team, turn: Turn, *, own: bool) -> str:
    venue = turn.venue
    lines = [_go(t, venue)] if venue is not None else []
    lines.append(team_turn_text(t, snapshot, team, turn, own=own))
    return "\n".join(lines)


def go_staged_text(t: Texts, snapshot: ContestSnapshot, staged: Staged, *, now_on: bool) -> str:
    slot, status = staged.slot, staged.status
    venue = snapshot.venue_of(slot)
    what = round_title(t, snapshot.rounds[slot.round_code], slot)
    when = t.span(status.starts_at, status.ends_at)
    message = N_("On now: {what}, {when}") if now_on else N_("Next: {what}, {when}")
    lines = [_go(t, venue)] if venue is not None else []
    lines.append(t(message, what=what, when=when))
    return "\n".join(lines)


def _go(t: Texts, venue: Venue) -> str:
    text = t(N_("Go to {venue}."), venue=t.name(venue.name, venue.name_en))
    if venue.address:
        text += f" {escape(venue.address)}"
    if venue.directions:
        text += f"\n{escape(venue.directions)}"
    return text
