"""Team group chats: where announcements for a team are also posted and pinned."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TeamChat:
    chat_id: int
    team_code: str
    title: str = ""
