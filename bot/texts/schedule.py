"""Schedule answers as text: a team's turn, a day, rounds, venues, the stage, a team."""

from collections.abc import Mapping
from datetime import date
from html import escape

from bot.domain.contest import Round, Slot, Team
from bot.domain.problems import N_
from bot.domain.schedule_views import Line, Mark, Outlook, RoundSpan, SlotKey, Staged, Turn
from bot.domain.snapshot import ContestSnapshot
from bot.domain.timeline import ZERO, TurnPhase, TurnStatus
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


def turn_text(
    t: Texts, snapshot: ContestSnapshot, team: Team, turn: Turn | None, *, own: bool = True
) -> str:
    """The team's next item; `own` when the reader is in that team ("you")."""
    if turn is None:
        return t(N_("{team} has nothing more on the programme."), team=team.name)
    status = turn.status
    lines = [f"<b>{round_title(t, turn.round, turn.slot)}</b>", _when(t, snapshot, turn, team, own)]
    if turn.position is not None and status.phase is not TurnPhase.ON_STAGE:
        lines.append(_order(t, turn, own))
    if status.paused:
        lines.append(t(N_("The round is paused; expected times move on when it resumes.")))
    elif status.phase is TurnPhase.WAITING and status.delay > ZERO:
        minutes = int(status.delay.total_seconds() // 60)
        lines.append(t(N_("The round is running {minutes} min late."), minutes=minutes))
    if turn.in_progress and status.phase is TurnPhase.PLANNED:
        lines.append(t(N_("It is happening now.")))
    elif _first_in_line(turn):
        lines.append(t(N_("You are next.")) if own else t(N_("{team} is next."), team=team.name))
    return "\n".join(lines)


def _order(t: Texts, turn: Turn, own: bool) -> str:
    if own:
        message = N_("Running order: No. {position} of {size}; teams before you: {before}.")
    else:
        message = N_("Running order: No. {position} of {size}; teams before it: {before}.")
    return t(message, position=turn.position, size=turn.round_size, before=turn.teams_before)


def _first_in_line(turn: Turn) -> bool:
    status = turn.status
    waits = status.eta is not None and not status.paused
    return turn.position is not None and waits and turn.teams_before == 0


def _when(t: Texts, snapshot: ContestSnapshot, turn: Turn, team: Team, own: bool) -> str:
    status, venue = turn.status, _venue(t, snapshot, turn.slot)
    if status.phase is TurnPhase.ON_STAGE:
        since = t.clock(status.starts_at)
        if own:
            return t(N_("You are on stage now (since {time})."), time=since) + f" · {venue}"
        on = t(N_("{team} is on stage now (since {time})."), team=team.name, time=since)
        return on + f" · {venue}"
    span = t.span(status.starts_at, status.ends_at)
    if status.phase is TurnPhase.WAITING:
        return t(N_("Expected {span} (live)"), span=span) + f" · {venue}"
    if turn.position is not None:
        return t(N_("{span} (planned)"), span=span) + f" · {venue}"
    return f"{span} · {venue}"


def settled_text(t: Texts, team: Team, turn: Turn, *, own: bool = True) -> str:
    """What the team did in a turn that is over: performed (at what time) or was absent."""
    round_name = t.name(turn.round.name, turn.round.name_en)
    if turn.status.phase is TurnPhase.ABSENT:
        if own:
            return t(N_("Your team was marked absent from {round}."), round=round_name)
        return t(N_("{team} was marked absent from {round}."), team=team.name, round=round_name)
    time = t.clock(turn.status.ends_at)
    if own:
        return t(N_("You finished {round} at {time}."), round=round_name, time=time)
    return t(N_("{team} finished {round} at {time}."), team=team.name, round=round_name, time=time)


def outlook_text(
    t: Texts, snapshot: ContestSnapshot, team: Team, outlook: Outlook, *, own: bool = True
) -> str:
    """The turn just performed, if any, then the next item of the team's programme."""
    upcoming = turn_text(t, snapshot, team, outlook.next, own=own)
    if outlook.settled is None:
        return upcoming
    done = settled_text(t, team, outlook.settled, own=own)
    if outlook.next is None:
        return f"{done}\n{upcoming}"
    heading = t(N_("Next on the programme:"))
    return f"{done}\n\n{heading}\n{upcoming}"


def own_turn_text(t: Texts, slot: Slot, status: TurnStatus | None) -> str:
    """The reader's own turn inside a programme line, as it stands now."""
    phase = status.phase if status is not None else TurnPhase.PLANNED
    if status is not None and phase is TurnPhase.WAITING:
        text = t(
            N_("your turn: expected {time}, No. {position}; teams before you: {before}"),
            time=t.clock(status.starts_at),
            position=slot.position,
            before=status.teams_before,
        )
        return text + (t(N_(" (round paused)")) if status.paused else "")
    if status is not None and phase is TurnPhase.ON_STAGE:
        return t(N_("you are on stage now (since {time})"), time=t.clock(status.starts_at))
    if status is not None and phase is TurnPhase.DONE:
        return t(N_("you finished at {time}"), time=t.clock(status.ends_at))
    if phase is TurnPhase.ABSENT:
        return t(N_("your team was marked absent"))
    return t(
        N_("your turn (planned): {time}, No. {position}"),
        time=t.clock(slot.starts_at),
        position=slot.position,
    )


MARKS = {Mark.DONE: N_("✅ done"), Mark.NOW: N_("🔴 on now"), Mark.NEXT: N_("⏭ next")}


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
        if line.mark is not None:
            text += " · " + t(MARKS[line.mark])
        if line.expected_end is not None:
            text += t(N_(" (expected to end at {time})"), time=t.clock(line.expected_end))
        if line.own is not None:
            text += "\n    👉 " + own_turn_text(t, line.own, line.own_status)
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
    statuses: Mapping[SlotKey, TurnStatus] | None = None,
) -> str:
    out = []
    for span in spans:
        out.append(
            f"<b>{round_title(t, span.round)}</b>\n{_span_when(t, snapshot, span, statuses)}"
        )
        if directions and span.venue is not None and span.venue.directions:
            out.append(html(span.venue.directions))
        if duration and span.per_team is None:
            minutes = int((span.ends_at - span.starts_at).total_seconds() // 60)
            out.append(t(N_("{minutes} minutes in all"), minutes=minutes))
        own = next((s for s in span.slots if team and s.team_code == team.code), None)
        if own is not None:
            out.append("👉 " + own_turn_text(t, own, (statuses or {}).get(own.key)))
        if span.per_team is not None:
            minutes = int(span.per_team.total_seconds() // 60)
            out.append(t(N_("{minutes} minutes per team"), minutes=minutes))
    return "\n".join(out)


def _span_when(
    t: Texts,
    snapshot: ContestSnapshot,
    span: RoundSpan,
    statuses: Mapping[SlotKey, TurnStatus] | None,
) -> str:
    """The round's span as planned, or as the live run now expects it."""
    found = [(statuses or {}).get(slot.key) for slot in span.slots]
    live = [status for status in found if status is not None and status.live]
    venue = _venue(t, snapshot, span.slots[0])
    if not live:
        return t(N_("{span} (planned)"), span=t.span(span.starts_at, span.ends_at)) + f" · {venue}"
    start = min(s.starts_at for s in found if s is not None)
    end = max(s.ends_at for s in found if s is not None)
    return t(N_("Expected {span} (live)"), span=t.span(start, end)) + f" · {venue}"


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


def stage_text(
    t: Texts, snapshot: ContestSnapshot, staged: list[Staged], upcoming: Staged | None
) -> str:
    if not staged:
        text = t(N_("Nothing is on stage right now."))
        if upcoming is not None:
            slot, status = upcoming.slot, upcoming.status
            what = round_title(t, snapshot.rounds[slot.round_code], slot)
            when = t.span(status.starts_at, status.ends_at)
            text += "\n" + t(N_("Next: {what}, {when}"), what=what, when=when)
        return text
    out = [t(N_("<b>On stage now</b>"))]
    for entry in staged:
        slot = entry.slot
        team = snapshot.teams.get(slot.team_code or "")
        who = html(team.name) if team else round_title(t, snapshot.rounds[slot.round_code], slot)
        out.append(
            t(
                N_("{venue}: {who} (until {end})"),
                venue=_venue(t, snapshot, slot),
                who=who,
                end=t.clock(entry.status.ends_at),
            )
        )
    return "\n".join(out)
