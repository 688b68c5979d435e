"""What checking in looks like: the answer to /checkin, and who has not arrived yet."""

from collections.abc import Sequence

from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.services.check_ins import CheckInOutcome, CheckInResult, RoundAttendance
from bot.texts.reminders import attendance_text
from bot.texts.texts import Texts

ANSWERS = {
    CheckInOutcome.CHECKED_IN: N_("Checked in at {time}. Welcome! /next shows your team's turn."),
    CheckInOutcome.ALREADY: N_("You already checked in today at {time}."),
    CheckInOutcome.NOT_A_CONTEST_DAY: N_(
        "Nothing is on the programme today, so there is nothing to check in for."
    ),
}


def check_in_view(t: Texts, result: CheckInResult) -> str:
    return t(ANSWERS[result.outcome], time=t.clock(result.at) if result.at else "")


def attendance_view(t: Texts, snapshot: ContestSnapshot, rounds: Sequence[RoundAttendance]) -> str:
    """/checkins: per round today, how many have arrived, team by team."""
    if not rounds:
        return t(N_("No team has a turn today."))
    blocks = [attendance_text(t, snapshot, found.round_code, found.teams) for found in rounds]
    return "\n\n".join(blocks)
