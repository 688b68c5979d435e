"""Who gets an invite card, in what order, and the deep link each one carries. Pure."""

import re
from dataclasses import dataclass
from urllib.parse import quote

from bot.domain.contest import ContestData, Person
from bot.domain.enums import Role
from bot.formats.choices import ROLE_LABELS, label

# Telegram usernames: 5–32 letters, digits and underscores, starting with a letter.
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")
# People without a team come after the teams, in this order.
STAFF_ORDER = (Role.ORGANIZER, Role.JUDGE, Role.AUDITOR)


@dataclass(frozen=True, slots=True)
class InviteCard:
    code: str
    name: str
    role: Role
    team: str  # the team's name, or "" for people without a team
    invite_code: str
    link: str

    @property
    def role_label(self) -> str:
        """The Chinese label the contest workbook uses for the role."""
        return label(self.role, ROLE_LABELS)


def normalise_username(text: str) -> str | None:
    """The bot's username without '@', or None when it cannot be a Telegram username."""
    name = text.strip().removeprefix("@")
    return name if USERNAME.fullmatch(name) else None


def deep_link(bot_username: str, invite_code: str) -> str:
    """The link that opens the bot and sends /start with the invite code."""
    return f"https://t.me/{bot_username}?start={quote(invite_code, safe='')}"


def invite_cards(data: ContestData, bot_username: str) -> list[InviteCard]:
    """Everyone with an invite code: each team (contestants by seat, then the leader) in the
    order of the teams, then organizers, judges and auditors in the order they were listed."""
    teams = {team.code: index for index, team in enumerate(data.teams)}
    names = {team.code: team.name for team in data.teams}
    listed = {person.code: index for index, person in enumerate(data.people)}

    def order(person: Person) -> tuple[int, int, int, int, int]:
        position = listed[person.code]
        if person.role.belongs_to_team:
            team = teams.get(person.team_code or "", len(teams))
            leader = int(person.role is Role.LEADER)
            seat = person.seat if person.seat is not None else 1 << 30
            return (0, team, leader, seat, position)
        staff = STAFF_ORDER.index(person.role) if person.role in STAFF_ORDER else len(STAFF_ORDER)
        return (1 + staff, 0, 0, 0, position)

    return [
        InviteCard(
            code=person.code,
            name=person.name,
            role=person.role,
            team=names.get(person.team_code or "", ""),
            invite_code=person.invite_code,
            link=deep_link(bot_username, person.invite_code),
        )
        for person in sorted(data.people, key=order)
        if person.invite_code
    ]


def without_invite_code(data: ContestData) -> int:
    """How many people have no invite code yet (none, once a contest has been imported)."""
    return sum(1 for person in data.people if not person.invite_code)
