"""Who can chat in the sandbox: every person of the contest, and one follower without a code."""

from typing import Any

from bot.domain.commands import Command, allowed
from bot.domain.enums import Role
from bot.domain.snapshot import ContestSnapshot
from bot.formats.choices import ROLE_LABELS, label

# Sandbox user ids are derived from person ids, so a restart keeps everyone's chat binding.
PERSON_USER_BASE = 100_000
FOLLOWER_USER_ID = 99_999
FOLLOWER_LABEL = "关注者"
STAFF_ORDER = (Role.ORGANIZER, Role.JUDGE, Role.AUDITOR)
# The quick buttons under the chat: what each role reaches for first on contest day, between
# /start and /language (a follower is None).
C = Command
QUICK: dict[Role | None, tuple[Command, ...]] = {
    Role.CONTESTANT: (C.NEXT, C.TODAY, C.CHECKIN, C.PRACTICE, C.WHERE, C.HELP),
    Role.LEADER: (C.NEXT, C.TEAM, C.TODAY, C.CHECKIN, C.WHERE, C.HELP),
    Role.ORGANIZER: (C.TODAY, C.LIVE, C.CHECKINS, C.BROADCAST, C.STANDINGS, C.HELP),
    Role.JUDGE: (C.SCORE, C.TODAY, C.SCHEDULE, C.WHERE, C.HELP),
    Role.AUDITOR: (C.AUDIT, C.TODAY, C.SCHEDULE, C.HELP),
    None: (C.FOLLOW, C.TODAY, C.SCHEDULE, C.HELP),
}


def quick_commands(role: Role | None) -> list[str]:
    """'/start', the role's quick commands it is allowed, '/language'."""
    chosen = [c for c in QUICK[role] if allowed(role, c)]
    return ["/start", *(f"/{c.value}" for c in chosen), f"/{C.LANGUAGE.value}"]


def sandbox_people(snapshot: ContestSnapshot | None) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    if snapshot is not None:
        for team in snapshot.teams.values():
            track = snapshot.tracks[team.track_code]
            for person in snapshot.members.get(team.code, ()):
                people.append(_entry(person.id, person.code, person.name, person.role,
                                     person.invite_code)
                              | {"team_code": team.code, "team_name": team.name,
                                 "track_name": track.name})  # fmt: skip
        for role in STAFF_ORDER:
            people += [
                _entry(p.id, p.code, p.name, p.role, p.invite_code)
                for p in snapshot.data.people
                if p.role is role
            ]
    people.append(
        {"user_id": FOLLOWER_USER_ID, "code": None, "name": FOLLOWER_LABEL, "role": "follower",
         "role_label": FOLLOWER_LABEL, "team_code": None, "team_name": None,
         "track_name": None, "invite_code": None, "quick": quick_commands(None)}
    )  # fmt: skip
    return people


def _entry(
    person_id: int | None, code: str, name: str, role: Role, invite: str | None
) -> dict[str, Any]:
    return {
        "user_id": PERSON_USER_BASE + (person_id or 0),
        "code": code,
        "name": name,
        "role": role.value,
        "role_label": label(role, ROLE_LABELS),
        "team_code": None,
        "team_name": None,
        "track_name": None,
        "invite_code": invite,
        "quick": quick_commands(role),
    }
