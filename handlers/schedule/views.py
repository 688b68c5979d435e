"""What /team looks like: the team, and for its leader each member's check-in and the turn."""

from datetime import datetime

from bot.domain.snapshot import ContestSnapshot
from bot.domain.viewer import Viewer
from bot.services.check_ins import TeamStatus
from bot.texts.answers import team_reply
from bot.texts.reminders import team_status_text
from bot.texts.texts import Texts


def team_view(
    t: Texts,
    snapshot: ContestSnapshot,
    viewer: Viewer,
    now: datetime,
    status: TeamStatus | None = None,
) -> str:
    text = team_reply(t, snapshot, viewer, now)
    if status is None:
        return text
    return f"{text}\n\n" + team_status_text(
        t, snapshot, status.members, status.turn, status.acknowledgement
    )
