"""Linking a Telegram group to a team, so announcements can be posted and pinned there."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.contest import Person
from bot.domain.enums import Role
from bot.domain.groups import TeamChat
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork

UNLINK = "off"


class LinkOutcome(StrEnum):
    LINKED = "linked"
    MOVED = "moved"  # linked to the team named, no longer to the one before
    UNLINKED = "unlinked"
    NOT_LINKED = "not_linked"  # 'off' in a group that serves no team
    NAME_A_TEAM = "name_a_team"  # an organizer must say which team
    UNKNOWN_TEAM = "unknown_team"
    NOT_YOUR_TEAM = "not_your_team"
    TAKEN = "taken"  # the group serves another team, whose members or organizers may move it


@dataclass(frozen=True, slots=True)
class LinkResult:
    outcome: LinkOutcome
    team_code: str = ""
    previous_team_code: str = ""  # the team the group served before, when it was moved


async def link(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    person: Person,
    group: TeamChat,
    argument: str,
    now: datetime,
) -> LinkResult:
    """`/teamchat [CODE|off]` in a group: organizers link any team, members only their own, and a
    group already serving a team moves only for an organizer or a member of that team."""
    if argument.strip().lower() == UNLINK:
        return await _unlink(uow, person, group.chat_id)
    code = argument.strip() or person.team_code or ""
    by_upper = {known.upper(): known for known in snapshot.teams}
    team_code = by_upper.get(code.upper())
    if not code:
        return LinkResult(LinkOutcome.NAME_A_TEAM)
    if team_code is None:
        return LinkResult(LinkOutcome.UNKNOWN_TEAM, code)
    if not _may_speak_for(person, team_code):
        return LinkResult(LinkOutcome.NOT_YOUR_TEAM, team_code)
    current = await uow.team_chats.get(group.chat_id)
    previous = current.team_code if current and current.team_code != team_code else ""
    if previous and not _may_speak_for(person, previous):
        return LinkResult(LinkOutcome.TAKEN, previous)
    await uow.team_chats.link(TeamChat(group.chat_id, team_code, group.title), person.id, now)
    if previous:
        return LinkResult(LinkOutcome.MOVED, team_code, previous)
    return LinkResult(LinkOutcome.LINKED, team_code)


async def _unlink(uow: UnitOfWork, person: Person, chat_id: int) -> LinkResult:
    linked = await uow.team_chats.get(chat_id)
    if linked is None:
        return LinkResult(LinkOutcome.NOT_LINKED)
    if not _may_speak_for(person, linked.team_code):
        return LinkResult(LinkOutcome.NOT_YOUR_TEAM, linked.team_code)
    await uow.team_chats.unlink(chat_id)
    return LinkResult(LinkOutcome.UNLINKED, linked.team_code)


async def forget(uow: UnitOfWork, chat_id: int) -> bool:
    """The bot left or was removed from the group: nothing more can be posted there."""
    return await uow.team_chats.unlink(chat_id)


def _may_speak_for(person: Person, team_code: str) -> bool:
    return person.role is Role.ORGANIZER or person.team_code == team_code
