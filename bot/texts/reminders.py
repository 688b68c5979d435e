"""What turn reminders, their escalations and schedule-change notices say."""

from collections.abc import Sequence
from datetime import datetime

from bot.domain.contest import Round, Team, Venue
from bot.domain.problems import N_
from bot.domain.reminders import (
    MemberState,
    Reminder,
    ReminderKind,
    TeamArrivals,
    Turn,
    TurnAcknowledgement,
)
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Texts, html

REMINDERS = {
    ReminderKind.LEAD: N_(
        "⏰ {team}: you are expected on stage at {time} ({round}, {venue}, position {position})."
    ),
    ReminderKind.TWO_BEFORE: N_(
        "Two more teams, then it is your turn (expected at {time}). Please go to the waiting "
        "area of {venue}."
    ),
    ReminderKind.NEXT: N_("You are next (expected at {time}, {venue}). Please get ready."),
    ReminderKind.ON_STAGE: N_("Your turn: please go on stage now! {round}, {venue}."),
}
GOT_IT = N_("Got it")
CONFIRMED = N_("✓ Confirmed · {name} {time}")
ARRIVED = N_("✅ I have arrived")


def reminder_text(t: Texts, snapshot: ContestSnapshot, reminder: Reminder) -> str:
    round_ = snapshot.rounds.get(reminder.round_code)
    team = snapshot.teams.get(reminder.team_code)
    return t(
        REMINDERS[reminder.kind],
        team=team.name if team else reminder.team_code,
        time=t.clock(reminder.expected_start),
        round=t.name(round_.name, round_.name_en) if round_ else reminder.round_code,
        venue=_venue(t, snapshot, reminder),
        position=reminder.position,
    )


def acknowledged_text(t: Texts, original: str, name: str, at: datetime) -> str:
    """A reminder as it reads once the turn is acknowledged: who did, and when."""
    return original + "\n\n" + t(CONFIRMED, name=html(name), time=t.clock(at))


def late_acknowledgement_text(
    t: Texts, snapshot: ContestSnapshot, reminder: Reminder, name: str, at: datetime
) -> str:
    """To those alerted about the turn: it has been acknowledged after all."""
    team = snapshot.teams.get(reminder.team_code)
    return t(
        N_("✅ Team {team} has now confirmed “{reminder}”: {name}, {time}."),
        team=html(_team_name(team, reminder.team_code)),
        reminder=t(KIND_NAMES[reminder.kind]),
        name=html(name),
        time=t.clock(at),
    )


def members_text(t: Texts, members: Sequence[MemberState]) -> str:
    """The team's members, marked with what the bot knows of them."""
    named = []
    for member in members:
        if member.checked_in_at is not None:
            named.append(t(N_("{name} (checked in {time})"), name=html(member.person.name),
                           time=t.clock(member.checked_in_at)))  # fmt: skip
        elif not member.joined:
            named.append(t(N_("{name} (has not joined the bot)"), name=html(member.person.name)))
        else:
            named.append(html(member.person.name))
    return t(N_("Not confirmed by anyone yet: {members}."), members=t(N_(", ")).join(named))


def escalation_text(
    t: Texts,
    snapshot: ContestSnapshot,
    reminder: Reminder,
    minutes: int,
    to_leader: bool,
    members: Sequence[MemberState] = (),
) -> str:
    team = snapshot.teams.get(reminder.team_code)
    message = (
        N_("Nobody in your team {team} has confirmed the reminder “{reminder}” for {minutes} "
           "min. Please make sure they are on their way.")
        if to_leader
        else N_("⚠️ Team {team} has not confirmed “{reminder}” for {minutes} min, nor has its "
                "leader (position {position}, expected at {time}).")
    )  # fmt: skip
    text = t(
        message,
        team=_team_name(team, reminder.team_code),
        reminder=t(KIND_NAMES[reminder.kind]),
        minutes=minutes,
        position=reminder.position,
        time=t.clock(reminder.expected_start),
    )
    return text + "\n" + members_text(t, members) if members else text


KIND_NAMES = {
    ReminderKind.LEAD: N_("your turn is coming"),
    ReminderKind.TWO_BEFORE: N_("two teams before you"),
    ReminderKind.NEXT: N_("you are next"),
    ReminderKind.ON_STAGE: N_("please go on stage"),
}


def _venue(t: Texts, snapshot: ContestSnapshot, reminder: Reminder) -> str:
    round_: Round | None = snapshot.rounds.get(reminder.round_code)
    slot = next(
        (s for s in snapshot.team_slots.get(reminder.team_code, ())
         if s.round_code == reminder.round_code and s.position == reminder.position),
        None,
    )  # fmt: skip
    code = slot.venue(round_) if slot and round_ else None
    venue: Venue | None = snapshot.venues.get(code or "")
    return t.name(venue.name, venue.name_en) if venue else ""


def _team_name(team: Team | None, code: str) -> str:
    return team.name if team else code


def team_status_text(
    t: Texts,
    snapshot: ContestSnapshot,
    members: Sequence[MemberState],
    turn: Turn | None,
    acknowledgement: TurnAcknowledgement | None,
) -> str:
    """For the leader: each member's check-in today, and who acknowledged the current turn."""
    lines = [t(N_("<b>Your team today</b>"))]
    for member in members:
        parts = [_arrival(t, member)]
        if acknowledgement is not None and acknowledgement.person_id == member.person.id:
            parts.append(t(N_("confirmed the turn at {time}"), time=t.clock(acknowledgement.at)))
        lines.append(f"· {html(member.person.name)}: " + t(N_(", ")).join(parts))
    if turn is not None:
        round_ = snapshot.rounds.get(turn.round_code)
        name = t.name(round_.name, round_.name_en) if round_ else turn.round_code
        if acknowledgement is None:
            lines.append(t(N_("{round}, position {position}: not confirmed yet."),
                           round=name, position=turn.position))  # fmt: skip
        else:
            person = snapshot.people.get(acknowledgement.person_id or 0)
            lines.append(t(N_("{round}, position {position}: confirmed by {name} at {time}."),
                           round=name, position=turn.position,
                           name=html(person.name if person else "?"),
                           time=t.clock(acknowledgement.at)))  # fmt: skip
    return "\n".join(lines)


def _arrival(t: Texts, member: MemberState) -> str:
    if member.checked_in_at is not None:
        return t(N_("checked in at {time}"), time=t.clock(member.checked_in_at))
    if not member.joined:
        return t(N_("not checked in, has not joined the bot"))
    return t(N_("not checked in"))


def attendance_text(
    t: Texts, snapshot: ContestSnapshot, round_code: str, teams: Sequence[TeamArrivals]
) -> str:
    """/checkins for one round: the count, then each team with its count and who is missing."""
    round_ = snapshot.rounds.get(round_code)
    arrived = sum(len(team.arrived) for team in teams)
    expected = arrived + sum(len(team.missing) for team in teams)
    lines = [t(N_("<b>{round}</b>: {arrived} of {expected} checked in"),
               round=t.name(round_.name, round_.name_en) if round_ else round_code,
               arrived=arrived, expected=expected)]  # fmt: skip
    for team in teams:
        found = snapshot.teams.get(team.team_code)
        count = f"{len(team.arrived)}/{len(team.arrived) + len(team.missing)}"
        head = f"{html(team.team_code)} {html(_team_name(found, team.team_code))} {count}"
        if not team.missing:
            lines.append(f"✓ {head}")
            continue
        names = t(N_(", ")).join(html(p.name) for p in team.missing)
        lines.append(t(N_("· {team} (missing: {names})"), team=head, names=names))
    return "\n".join(lines)
