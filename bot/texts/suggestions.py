"""What to ask instead, when a question was not understood: three questions that fit the asker
(in a team or not) and the moment (a turn still ahead today, later, or none left)."""

from datetime import datetime
from enum import StrEnum

from bot.domain.problems import N_
from bot.domain.schedule_views import Live, coming_up, on_stage, outlook
from bot.domain.snapshot import ContestSnapshot
from bot.domain.viewer import Viewer
from bot.texts.texts import Texts


class Moment(StrEnum):
    TURN_TODAY = "turn_today"  # the asker's team has a turn still ahead today
    TURN_LATER = "turn_later"  # its next turn is on another day
    TEAM_DONE = "team_done"  # nothing left for the team
    RUNNING = "running"  # someone in no team, while the day's programme runs
    QUIET = "quiet"  # someone in no team, with nothing on today


SUGGESTED = {
    Moment.TURN_TODAY: (
        N_("How long until we are on?"),
        N_("Which team goes right before us?"),
        N_("Where should we go now?"),
    ),
    Moment.TURN_LATER: (
        N_("When is our team on?"),
        N_("What is on tomorrow?"),
        N_("Who is in my team?"),
    ),
    Moment.TEAM_DONE: (
        N_("Have we finished?"),
        N_("What is on tomorrow?"),
        N_("Who is on stage now?"),
    ),
    Moment.RUNNING: (
        N_("Who is on stage now?"),
        N_("What is next?"),
        N_("Where should I go now?"),
    ),
    Moment.QUIET: (
        N_("What is on today?"),
        N_("What is on tomorrow?"),
        N_("When does the final start?"),
    ),
}


def moment_of(snapshot: ContestSnapshot, viewer: Viewer, now: datetime, live: Live) -> Moment:
    today = now.astimezone(snapshot.zone).date()
    if viewer.team is not None:
        turn = outlook(snapshot, viewer.team.code, now, live).next
        if turn is None:
            return Moment.TEAM_DONE
        today_turn = snapshot.local_day(turn.slot) == today
        return Moment.TURN_TODAY if today_turn else Moment.TURN_LATER
    upcoming = coming_up(snapshot, now, live)
    running = on_stage(snapshot, now, live) or (
        upcoming is not None and snapshot.local_day(upcoming.slot) == today
    )
    return Moment.RUNNING if running else Moment.QUIET


def not_understood_text(
    t: Texts, snapshot: ContestSnapshot | None, viewer: Viewer, now: datetime, live: Live
) -> str:
    moment = Moment.QUIET if snapshot is None else moment_of(snapshot, viewer, now, live)
    lines = [t(N_("Sorry, I did not understand. You could ask:"))]
    lines += [f"• {t(question)}" for question in SUGGESTED[moment]]
    lines.append(t(N_("Or tap a button:")))
    return "\n".join(lines)
