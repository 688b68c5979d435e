"""Schedule answers as text: a team's turn, a day, rounds, venues, the stage, a team."""

from datetime import date, datetime
from html import escape

from bot.domain.contest import Round, Slot, Team
from bot.domain.problems import N_
from bot.domain.schedule_views import Line, RoundSpan, Turn
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Markup, Texts, html


def round_title(t: Texts, round_: Round, slot: Slot | None = None) -> Markup:
    name = t.name(round_.name, round_.name_en)
    detail = t.name(slot.title, slot.title_en) if slot else ""
    if not detail or detail == name:
        return html(name)
    if detail.startswith(name):
        return html(detail)
    return Markup(t(N_("{name}: {detail}"), name=name, detail=detail))


def _venue(t: Texts, snapshot: ContestSnapshot, slot: Slot) -> Markup:
    venue = snapshot.venue_of(slot)
    return html(t.name(venue.name, venue.name_en)) if venue else Markup("—")


def turn_text(t: Texts, snapshot: ContestSnapshot, team: Team, turn: Turn | None) -> str:
    if turn is None:
        return t(N_("{team} has nothing more on the programme."), team=team.name)
    lines = [
        f"<b>{round_title(t, turn.round, turn.slot)}</b>",
        f"{t.span(turn.slot.starts_at, turn.slot.ends_at)} · {_venue(t, snapshot, turn.slot)}",
    ]
    if turn.position is not None:
        lines.append(
            t(
                N_("Running order: No. {position} of {size}; teams before you: {before}."),
                position=turn.position,
                size=turn.round_size,
                before=turn.teams_before,
            )
        )
    if turn.in_progress:
        lines.append(t(N_("It is happening now.")))
    elif turn.position is not None and turn.teams_before == 0:
        lines.append(t(N_("You are next.")))
    return "\n".join(lines)


def day_text(t: Texts, snapshot: ContestSnapshot, day: date, lines: list[Line]) -> str:
    if not lines:
        return t(N_("Nothing is scheduled on {day}."), day=t.day(day))
    out = [t(N_("<b>Programme for {day}</b>"), day=t.day(day))]
    for line in lines:
        text = (
            f"{t.clock(line.starts_at)}–{t.clock(line.ends_at)} "
            f"{round_title(t, line.round, line.slot if not line.teams else None)}"
            f" · {_venue(t, snapshot, line.slot)}"
        )
        if line.teams:
            text += t(N_(" ({count} teams)"), count=line.teams)
        if line.own is not None:
            text += "\n    👉 " + t(
                N_("your turn: {time}, No. {position}"),
                time=t.clock(line.own.starts_at),
                position=line.own.position,
            )
        out.append(text)
    return "\n".join(out)


def spans_text(
    t: Texts,
    snapshot: ContestSnapshot,
    spans: list[RoundSpan],
    team: Team | None,
    *,
    directions: bool = False,
    duration: bool = False,
) -> str:
    out = []
    for span in spans:
        out.append(
            f"<b>{round_title(t, span.round)}</b>\n"
            f"{t.span(span.starts_at, span.ends_at)} · {_venue(t, snapshot, span.slots[0])}"
        )
        if directions and span.venue is not None and span.venue.directions:
            out.append(html(span.venue.directions))
        if duration and span.per_team is None:
            minutes = int((span.ends_at - span.starts_at).total_seconds() // 60)
            out.append(t(N_("{minutes} minutes in all"), minutes=minutes))
        own = next((s for s in span.slots if team and s.team_code == team.code), None)
        if own is not None:
            out.append(
                "👉 "
                + t(
                    N_("your turn: {time}, No. {position}"),
                    time=t.clock(own.starts_at),
                    position=own.position,
                )
            )
        if span.per_team is not None:
            minutes = int(span.per_team.total_seconds() // 60)
            out.append(t(N_("{minutes} minutes per team"), minutes=minutes))
    return "\n".join(out)


def venues_text(t: Texts, snapshot: ContestSnapshot, codes: list[str] | None = None) -> str:
    venues = [snapshot.venues[c] for c in codes] if codes else list(snapshot.venues.values())
    out = [t(N_("<b>Venues</b>"))] if not codes else []
    for venue in venues:
        text = f"<b>{escape(t.name(venue.name, venue.name_en))}</b>"
        if venue.address:
            text += f" · {escape(venue.address)}"
        if venue.directions:
            text += f"\n{escape(venue.directions)}"
        out.append(text)
    return "\n".join(out)


def team_text(t: Texts, snapshot: ContestSnapshot, team: Team) -> str:
    track = snapshot.tracks[team.track_code]
    out = [f"<b>{escape(team.name)}</b> · {escape(t.name(track.name, track.name_en))}"]
    if team.organisation:
        out.append(escape(team.organisation))
    for person in snapshot.members.get(team.code, ()):
        if person.seat is not None:
            out.append(t(N_("Seat {seat}: {name}"), seat=person.seat, name=person.name))
        else:
            out.append(t(N_("Leader: {name}"), name=person.name))
    return "\n".join(out)


def stage_text(t: Texts, snapshot: ContestSnapshot, slots: list[Slot], now: datetime) -> str:
    if not slots:
        upcoming = next((s for s in snapshot.slots if s.starts_at > now), None)
        text = t(N_("Nothing is on stage right now."))
        if upcoming is not None:
            what = round_title(t, snapshot.rounds[upcoming.round_code], upcoming)
            when = t.span(upcoming.starts_at, upcoming.ends_at)
            text += "\n" + t(N_("Next: {what}, {when}"), what=what, when=when)
        return text
    out = [t(N_("<b>On stage now</b>"))]
    for slot in slots:
        team = snapshot.teams.get(slot.team_code or "")
        who = html(team.name) if team else round_title(t, snapshot.rounds[slot.round_code], slot)
        out.append(
            t(
                N_("{venue}: {who} (until {end})"),
                venue=_venue(t, snapshot, slot),
                who=who,
                end=t.clock(slot.ends_at),
            )
        )
    return "\n".join(out)
