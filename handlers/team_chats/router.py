"""/teamchat in a team's group: link it, so announcements can be posted and pinned there."""

from aiogram import Router
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.types import ChatMemberUpdated, Message

from bot.domain.commands import Command
from bot.domain.groups import TeamChat
from bot.domain.problems import N_
from bot.services.team_chats import LinkOutcome, forget, link
from handlers.filters import IsCommand
from handlers.request import Request

GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}
GONE = {ChatMemberStatus.LEFT, ChatMemberStatus.KICKED}
ANSWERS = {
    LinkOutcome.LINKED: N_(
        "This group now belongs to team {team}. Announcements for the team can be posted here; "
        "to pin them, make me an admin who may pin messages. /teamchat off unlinks it."
    ),
    LinkOutcome.MOVED: N_(
        "This group now belongs to team {team}, no longer to team {previous}. Announcements "
        "for team {team} are posted here from now on; /teamchat off unlinks it."
    ),
    LinkOutcome.UNLINKED: N_("This group no longer belongs to team {team}."),
    LinkOutcome.NOT_LINKED: N_("This group is not linked to any team."),
    LinkOutcome.NAME_A_TEAM: N_("Which team? Send /teamchat CODE, e.g. /teamchat H01."),
    LinkOutcome.UNKNOWN_TEAM: N_(
        "There is no team {team}. Send /teamchat CODE, e.g. /teamchat H01."
    ),
    LinkOutcome.NOT_YOUR_TEAM: N_("Only organizers and members of team {team} can do that."),
    LinkOutcome.TAKEN: N_(
        "This group belongs to team {team}: only its members and organizers can link it to "
        "another team."
    ),
}


def create_router() -> Router:
    router = Router(name="team_chats")
    router.message.register(teamchat, IsCommand(Command.TEAMCHAT))
    router.my_chat_member.register(membership_changed)
    return router


async def teamchat(message: Message, request: Request) -> None:
    person, snapshot, t = request.viewer.person, request.snapshot, request.t
    if message.chat.type not in GROUPS:
        await message.answer(
            t(N_("Add me to your team's group chat and send /teamchat there (organizers: "
                 "/teamchat CODE).")))  # fmt: skip
        return
    if snapshot is None or person is None:
        await message.answer(request.no_contest())
        return
    group = TeamChat(message.chat.id, "", message.chat.title or "")
    result = await request.call(link, snapshot, person, group, request.args, request.now())
    answer = ANSWERS[result.outcome]
    await message.answer(t(answer, team=result.team_code, previous=result.previous_team_code))


async def membership_changed(event: ChatMemberUpdated, request: Request) -> None:
    """Removed from a group: nothing more can be posted there."""
    if event.chat.type in GROUPS and event.new_chat_member.status in GONE:
        await request.call(forget, event.chat.id)
