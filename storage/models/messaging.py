"""Who the bot talks to and what it sends: accounts, the outbox, announcements, chats."""

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import CODE, NAME, Identified
from storage.types import UtcDateTime


class AccountRow(Identified):
    """A Telegram user of the bot: bound to a person by invite code, or a follower."""

    __tablename__ = "accounts"

    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), unique=True
    )
    locale: Mapped[str | None] = mapped_column(String(16))
    failed_codes: Mapped[int] = mapped_column(Integer, default=0)
    failed_since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    blocked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    bound_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class InviteFailureRow(Identified):
    """A code that bound nothing: it matched no invite (no person), or its invite is another
    account's. The limits all accounts share count these; old ones are deleted."""

    __tablename__ = "invite_failures"

    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )


class DeliveryRow(Identified):
    __tablename__ = "deliveries"
    # One event reaches one chat once, whatever retries, restarts or double clicks happen;
    # the sender picks due deliveries by status, priority and time.
    __table_args__ = (
        UniqueConstraint("dedup_key", "chat_id"),
        Index("ix_deliveries_due", "status", "priority", "next_attempt_at"),
    )

    dedup_key: Mapped[str] = mapped_column(String(128))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    priority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # A photo or document sent again by its Telegram file_id, with the text as its caption.
    attachment_kind: Mapped[str] = mapped_column(String(16), default="")
    file_id: Mapped[str] = mapped_column(String(NAME), default="")
    pin: Mapped[bool] = mapped_column(Boolean, default=False)
    # Inline buttons as [[[label, callback data], …], …] (e.g. "收到" under a reminder).
    buttons: Mapped[list[list[list[str]]]] = mapped_column(JSON, default=list)
    # Telegram's id of the message once sent; for an edit, the message it rewrites.
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    # This delivery edits the message another delivery sent, instead of sending a new one.
    edits: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id", ondelete="SET NULL"))


class BroadcastRow(Identified):
    __tablename__ = "broadcasts"

    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    audience: Mapped[str] = mapped_column(String(CODE * 4))
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")
    send_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    audience_size: Mapped[int] = mapped_column(Integer)
    recipients: Mapped[int] = mapped_column(Integer)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where the organizer confirmed it (chat and draft); a second confirm finds this one.
    origin: Mapped[str | None] = mapped_column(String(CODE), unique=True)
    attachment_kind: Mapped[str] = mapped_column(String(16), default="")
    file_id: Mapped[str] = mapped_column(String(NAME), default="")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)


class TeamChatRow(Identified):
    """A Telegram group a team uses, where the bot may post and pin announcements."""

    __tablename__ = "team_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    # By code, like a spreadsheet: a team dropped by a re-import simply has no group any more.
    team_code: Mapped[str] = mapped_column(String(CODE), index=True)
    title: Mapped[str] = mapped_column(String(NAME), default="")
    linked_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime())


class FollowRow(Identified):
    """An account that wants a track's published results and announcements."""

    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("account_id", "track_code"),)

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    track_code: Mapped[str] = mapped_column(String(CODE), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class MediaRow(Identified):
    """A picture the bot made (a standings table): uploaded once, then sent by Telegram's id."""

    __tablename__ = "media"

    content: Mapped[bytes] = mapped_column(LargeBinary)
    filename: Mapped[str] = mapped_column(String(NAME))
    file_id: Mapped[str | None] = mapped_column(String(NAME))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
