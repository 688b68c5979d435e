"""The contest as imported: venues, tracks, teams, people, rounds, slots, questions."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import CODE, NAME, Identified
from storage.types import UtcDateTime


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
