"""What organizers read about who has joined."""

from html import escape

from bot.domain.problems import N_
from bot.domain.snapshot import ContestSnapshot
from bot.services.onboarding import OnboardingStatus
from bot.texts.texts import Texts

SHOWN_MISSING = 40


def status_text(t: Texts, snapshot: ContestSnapshot, status: OnboardingStatus) -> str:
    """How many have joined, then the first of those who have not, with their team."""
    lines = [t(N_("<b>{joined} of {total} people have joined.</b>"),
               joined=status.joined, total=status.total)]  # fmt: skip
    if status.missing:
        lines.append(t(N_("Not yet joined:")))
        for person in status.missing[:SHOWN_MISSING]:
            team = snapshot.teams.get(person.team_code or "")
            where = f" · {escape(team.name)}" if team else ""
            lines.append(f"{escape(person.code)} {escape(person.name)}{where}")
        if len(status.missing) > SHOWN_MISSING:
            lines.append(t(N_("… and {count} more."), count=len(status.missing) - SHOWN_MISSING))
    return "\n".join(lines)
