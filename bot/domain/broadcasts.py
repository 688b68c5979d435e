"""Announcements from organizers: what was said, to whom, when, and how far it got."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.domain.outbox import Attachment, Status


@dataclass(frozen=True, slots=True)
class Broadcast:
    id: int
    audience: str
    text: str
    text_en: str
    send_at: datetime
    created_at: datetime
    audience_size: int
    recipients: int
    cancelled: bool = False
    author_id: int | None = None
    attachment: Attachment | None = None
    pinned: bool = False  # also posted and pinned in the team group chats of the audience

    @property
    def dedup_key(self) -> str:
        return broadcast_key(self.id)


def broadcast_key(broadcast_id: int) -> str:
    return f"broadcast:{broadcast_id}"


def progress(counts: Mapping[Status, int]) -> dict[str, int]:
    """Delivery report in the organizer's terms."""
    return {
        "sent": counts.get(Status.SENT, 0),
        "pending": counts.get(Status.PENDING, 0) + counts.get(Status.SENDING, 0),
        "blocked": counts.get(Status.UNREACHABLE, 0),
        "failed": counts.get(Status.FAILED, 0),
        "cancelled": counts.get(Status.CANCELLED, 0),
    }
