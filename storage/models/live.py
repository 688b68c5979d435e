"""The live run: check-ins, stage events, reminders and their acknowledgements, draws."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import CODE, NAME, Identified
from storage.types import UtcDateTime


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
