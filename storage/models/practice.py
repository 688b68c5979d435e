"""Practice, reviews, mock exams, key reports and practice preferences."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import CODE, Identified
from storage.types import UtcDateTime


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
