"""Tables. One contest per database; every other table belongs to it implicitly."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
CODE = 64
NAME = 200


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Identified(Base):
    """Every table has a surrogate integer key; natural keys are unique columns."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class ContestRow(Identified):
    __tablename__ = "contest"

    name: Mapped[str] = mapped_column(String(NAME))
    timezone: Mapped[str] = mapped_column(String(64))
    default_locale: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    host: Mapped[str] = mapped_column(String(NAME), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # Bumped by every import that changes anything: caches compare it to know they are stale.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class VenueRow(Identified):
    __tablename__ = "venues"

    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    name_en: Mapped[str] = mapped_column(String(NAME), default="")
    address: Mapped[str] = mapped_column(String(NAME), default="")
    directions: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None] = mapped_column(Integer)


class TrackRow(Identified):
    __tablename__ = "tracks"

    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    name_en: Mapped[str] = mapped_column(String(NAME), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class TeamRow(Identified):
    __tablename__ = "teams"

    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    track_id: Mapped[int] = mapped_column(ForeignKey("tracks.id"), index=True)
    organisation: Mapped[str] = mapped_column(String(NAME), default="")


class PersonRow(Identified):
    __tablename__ = "people"

    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    role: Mapped[str] = mapped_column(String(16), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    seat: Mapped[int | None] = mapped_column(Integer)
    invite_code: Mapped[str] = mapped_column(String(CODE), unique=True)
    locale: Mapped[str | None] = mapped_column(String(16))
    # A judge's assignments as codes: the import replaces the whole contest, checked, at once.
    judge_tracks: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    judge_rounds: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")


class RoundRow(Identified):
    __tablename__ = "rounds"

    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    name_en: Mapped[str] = mapped_column(String(NAME), default="")
    kind: Mapped[str] = mapped_column(String(32))
    track_id: Mapped[int | None] = mapped_column(ForeignKey("tracks.id"), index=True)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venues.id"), index=True)


class SlotRow(Identified):
    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("round_id", "position"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    position: Mapped[int] = mapped_column(Integer)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    duration_seconds: Mapped[int] = mapped_column(Integer)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venues.id"), index=True)
    title: Mapped[str] = mapped_column(String(NAME), default="")
    title_en: Mapped[str] = mapped_column(String(NAME), default="")


class QuestionRow(Identified):
    __tablename__ = "questions"

    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    track_id: Mapped[int | None] = mapped_column(ForeignKey("tracks.id"), index=True)
    stem: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    correct_options: Mapped[list[int]] = mapped_column(JSON, default=list)
    truth: Mapped[bool | None] = mapped_column(Boolean)
    blanks: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    reference_answer: Mapped[str] = mapped_column(Text, default="")
    key_points: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    difficulty: Mapped[int | None] = mapped_column(Integer)


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


class CheckInRow(Identified):
    """A person's arrival on a contest day (in the contest's time zone)."""

    __tablename__ = "check_ins"
    __table_args__ = (UniqueConstraint("person_id", "day"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date, index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class StageEventRow(Identified):
    """What happened on stage, as organizers recorded it; append-only, replayed in order."""

    __tablename__ = "stage_events"

    round_code: Mapped[str] = mapped_column(String(CODE), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int | None] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class ReminderRow(Identified):
    """A turn reminder: planned, then sent (or skipped), then acknowledged or escalated."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_due", "status", "due_at"),)

    key: Mapped[str] = mapped_column(String(NAME), unique=True)
    round_code: Mapped[str] = mapped_column(String(CODE))
    position: Mapped[int] = mapped_column(Integer)
    team_code: Mapped[str] = mapped_column(String(CODE), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    lead_minutes: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expected_start: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    acked_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    escalations: Mapped[int] = mapped_column(Integer, default=0)


class TurnAcknowledgementRow(Identified):
    """A team's turn in a round acknowledged, once, by one member's "got it" or check-in."""

    __tablename__ = "turn_acknowledgements"
    __table_args__ = (UniqueConstraint("round_code", "position", "team_code"),)

    round_code: Mapped[str] = mapped_column(String(CODE))
    position: Mapped[int] = mapped_column(Integer)
    team_code: Mapped[str] = mapped_column(String(CODE))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    via: Mapped[str] = mapped_column(String(16))


class DrawRow(Identified):
    """A running-order draw: committed (hash of a secret seed) before, revealed after."""

    __tablename__ = "draws"

    round_code: Mapped[str] = mapped_column(String(CODE), index=True)
    commitment: Mapped[str] = mapped_column(String(CODE))
    seed: Mapped[str] = mapped_column(String(NAME))  # kept secret until revealed
    teams: Mapped[list[str]] = mapped_column(JSON)
    order: Mapped[list[str] | None] = mapped_column(JSON)
    committed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revealed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class AuditRow(Base):
    """The audit trail: append-only, each entry sealed with the hash of the one before."""

    __tablename__ = "audit_log"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(CODE))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(NAME))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ShowcaseScoreRow(Identified):
    """One judge's score for one team's showcase, in hundredths of a point."""

    __tablename__ = "showcase_scores"
    __table_args__ = (UniqueConstraint("round_code", "team_code", "judge_code"),)

    round_code: Mapped[str] = mapped_column(String(CODE))
    team_code: Mapped[str] = mapped_column(String(CODE))
    judge_code: Mapped[str] = mapped_column(String(CODE))
    hundredths: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class TheoryScoreRow(Identified):
    """A contestant's theory paper (and its essay part, for tie-breaks), in hundredths."""

    __tablename__ = "theory_scores"

    person_code: Mapped[str] = mapped_column(String(CODE), unique=True)
    hundredths: Mapped[int] = mapped_column(Integer)
    essay_hundredths: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ArenaEventRow(Identified):
    """What the scorekeeper recorded in the arena; undone events stay, marked as such."""

    __tablename__ = "arena_events"

    round_code: Mapped[str] = mapped_column(String(CODE), index=True)
    team_code: Mapped[str] = mapped_column(String(CODE))
    kind: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    person_code: Mapped[str | None] = mapped_column(String(CODE))
    tier: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class PublicationRow(Identified):
    """A round's results made official; a later correction publishes it again."""

    __tablename__ = "publications"

    round_code: Mapped[str] = mapped_column(String(CODE), index=True)
    version: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime())
    published_by: Mapped[str] = mapped_column(String(CODE))
    __table_args__ = (UniqueConstraint("round_code", "version"),)


class MediaRow(Identified):
    """A picture the bot made (a standings table): uploaded once, then sent by Telegram's id."""

    __tablename__ = "media"

    content: Mapped[bytes] = mapped_column(LargeBinary)
    filename: Mapped[str] = mapped_column(String(NAME))
    file_id: Mapped[str | None] = mapped_column(String(NAME))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PublicationRequestRow(Identified):
    """The first organizer's request to publish, when a second organizer must confirm it."""

    __tablename__ = "publication_requests"
    __table_args__ = (UniqueConstraint("round_code", "version"),)

    round_code: Mapped[str] = mapped_column(String(CODE))
    version: Mapped[int] = mapped_column(Integer)
    requested_by: Mapped[str] = mapped_column(String(CODE))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PublicationWithdrawalRow(Identified):
    """A published version taken back by an organizer, with the reason everyone was told."""

    __tablename__ = "publication_withdrawals"
    __table_args__ = (UniqueConstraint("round_code", "version"),)

    round_code: Mapped[str] = mapped_column(String(CODE))
    version: Mapped[int] = mapped_column(Integer)
    withdrawn_by: Mapped[str] = mapped_column(String(CODE))
    withdrawn_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(Text)


class PracticeAnswerRow(Identified):
    """One answer to one practice question; the attempt key makes a repeated tap count once."""

    __tablename__ = "practice_answers"
    # The latest answer per question is read by person and question, newest id last.
    __table_args__ = (
        UniqueConstraint("person_id", "attempt"),
        Index("ix_practice_answers_latest", "person_id", "question_code", "id"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    question_code: Mapped[str] = mapped_column(String(CODE), index=True)
    attempt: Mapped[str] = mapped_column(String(CODE))
    correct: Mapped[bool] = mapped_column(Boolean)
    hundredths: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ReviewCardRow(Identified):
    """A person's spaced-repetition card for one question (FSRS state as JSON)."""

    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("person_id", "question_code"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    question_code: Mapped[str] = mapped_column(String(CODE))
    card: Mapped[dict[str, Any]] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class ExamRow(Identified):
    """A mock exam drawn for one person: its questions, start and deadline."""

    __tablename__ = "exams"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    questions: Mapped[list[str]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    deadline: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ExamAnswerRow(Identified):
    """One answer in a mock exam; the first one given counts (a double tap changes nothing)."""

    __tablename__ = "exam_answers"
    __table_args__ = (UniqueConstraint("exam_id", "question_code"),)

    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    question_code: Mapped[str] = mapped_column(String(CODE))
    hundredths: Mapped[int] = mapped_column(Integer)
    max_hundredths: Mapped[int] = mapped_column(Integer)
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())


class KeyReportRow(Identified):
    """A contestant's report that a question's answer key looks wrong."""

    __tablename__ = "key_reports"
    __table_args__ = (UniqueConstraint("person_id", "question_code"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    question_code: Mapped[str] = mapped_column(String(CODE), index=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class PracticePreferenceRow(Identified):
    """A person's opt-ins: the daily set (minute of the contest day, how many) and the board."""

    __tablename__ = "practice_preferences"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    daily_minute: Mapped[int | None] = mapped_column(Integer)
    daily_count: Mapped[int] = mapped_column(Integer)
    on_leaderboard: Mapped[bool] = mapped_column(Boolean)
    daily_sent_on: Mapped[date | None] = mapped_column(Date)  # contest day of the last set
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class LeaseRow(Base):
    """Who holds a named lease (the worker's leadership, long polling) until when: SQLite's
    stand-in for PostgreSQL's advisory locks, taken over once it has expired."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    holder: Mapped[str] = mapped_column(String(CODE))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InstanceRow(Base):
    """A running webhook instance's heartbeat, so a second one can see it is not alone."""

    __tablename__ = "instances"

    id: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    kind: Mapped[str] = mapped_column(String(CODE))
    uses_redis: Mapped[bool] = mapped_column(Boolean)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class HandledUpdateRow(Base):
    """An update the bot took on, by Telegram's update_id: a second delivery of it (two
    instances, a webhook retry) is dropped. Rows older than a day are deleted as new ones come."""

    __tablename__ = "handled_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
