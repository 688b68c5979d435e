"""What turn reminders, their escalations and schedule-change notices say."""

from bot.domain.contest import Round, Team, Venue
from bot.domain.problems import N_
from bot.domain.reminders import Reminder, ReminderKind
from bot.domain.snapshot import ContestSnapshot
from bot.texts.texts import Texts

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


def escalation_text(
    t: Texts, snapshot: ContestSnapshot, reminder: Reminder, minutes: int, to_leader: bool
) -> str:
    team = snapshot.teams.get(reminder.team_code)
    message = (
        N_("Nobody in your team {team} has confirmed the reminder “{reminder}” for {minutes} "
           "min. Please make sure they are on their way.")
        if to_leader
        else N_("⚠️ Team {team} has not confirmed “{reminder}” for {minutes} min, nor has its "
                "leader (position {position}, expected at {time}).")
    )  # fmt: skip
    return t(
        message,
        team=_team_name(team, reminder.team_code),
        reminder=t(KIND_NAMES[reminder.kind]),
        minutes=minutes,
        position=reminder.position,
        time=t.clock(reminder.expected_start),
    )


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
