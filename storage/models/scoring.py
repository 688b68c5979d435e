"""Scores, the audit trail and publications of results."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import CODE, NAME, Base, Identified
from storage.types import UtcDateTime


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
