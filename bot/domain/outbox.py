"""The durable outbox: every message that matters is recorded before it is sent.

A delivery goes pending -> sending -> sent; a crash while sending leaves it `sending`, and
recovery puts it back to pending, so at most the one message in flight can be sent twice.
A sender's claim is a lease it renews while it holds it: a claim not renewed for CLAIM_LEASE
belongs to a sender that died, and goes back to pending for another.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum


class Status(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"  # Telegram refused it for good (e.g. 400), or retries ran out
    UNREACHABLE = "unreachable"  # the recipient blocked the bot or has no chat with it
    CANCELLED = "cancelled"


class Priority(IntEnum):
    """Lower goes first: a team must hear that it is on stage before any announcement."""

    REMINDER = 10
    RESULT = 20
    ANNOUNCEMENT = 30


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file already on Telegram's servers, sent again by its file_id; the text is its caption."""

    kind: AttachmentKind
    file_id: str


# A picture the bot made is uploaded from its media record the first time, then sent by the id
# Telegram gave it; until then the attachment names the record.
MEDIA_PREFIX = "media:"


def media_attachment(media_id: int) -> Attachment:
    return Attachment(AttachmentKind.PHOTO, f"{MEDIA_PREFIX}{media_id}")


def media_id(attachment: Attachment) -> int | None:
    head, _, number = attachment.file_id.partition(":")
    return int(number) if f"{head}:" == MEDIA_PREFIX and number.isdigit() else None


# An inline button under a message: (label, callback data); rows of them.
Button = tuple[str, str]
Buttons = tuple[tuple[Button, ...], ...]

MAX_ATTEMPTS = 8
MAX_BACKOFF = timedelta(minutes=5)

# A live sender renews its claims every RENEW_CLAIMS, so four renewals must fail in a row before
# another takes them; a killed one's claims are free after CLAIM_LEASE and picked up at the next
# renewal of any sender: within CLAIM_LEASE + RENEW_CLAIMS = 10 s of the kill.
CLAIM_LEASE = timedelta(seconds=8)
RENEW_CLAIMS = timedelta(seconds=2)


@dataclass(frozen=True, slots=True)
class NewDelivery:
    dedup_key: str
    chat_id: int
    text: str
    priority: Priority = Priority.ANNOUNCEMENT
    person_id: int | None = None
    not_before: datetime | None = None
    attachment: Attachment | None = None
    pin: bool = False  # pin it in the chat once sent (team group chats)
    buttons: Buttons = ()
    # An edit: the delivery whose message it rewrites (text and buttons) and, once known,
    # that message's Telegram id.
    edits: int | None = None
    message_id: int | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    dedup_key: str
    chat_id: int
    text: str
    priority: int
    status: Status
    attempts: int
    next_attempt_at: datetime
    error: str = ""
    person_id: int | None = None
    attachment: Attachment | None = None
    pin: bool = False
    buttons: Buttons = ()
    # Telegram's id of the message once sent; for an edit, the message it rewrites.
    message_id: int | None = None
    edits: int | None = None


def backoff(attempts: int) -> timedelta:
    """Wait before retrying after a network or server error: 2, 4, 8 … seconds, capped."""
    return min(timedelta(seconds=2**attempts), MAX_BACKOFF)
