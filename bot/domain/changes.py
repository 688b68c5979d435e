"""What an import changed, per sheet; and what replacing the loaded contest would remove."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Changes:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0


class Holding(StrEnum):
    """What the database holds for the loaded contest, and a replacement removes."""

    TEAMS = "teams"
    PEOPLE = "people"
    ACCOUNTS = "accounts"  # people who joined the bot; a replacement unbinds them
    SCHEDULE = "schedule"
    QUESTIONS = "questions"
    SCORES = "scores"  # showcase and theory
    ARENA_EVENTS = "arena_events"
    PUBLICATIONS = "publications"
    DRAWS = "draws"
    CHECK_INS = "check_ins"
    EXAMS = "exams"
    PRACTICE_ANSWERS = "practice_answers"
    TEAM_CHATS = "team_chats"
    FOLLOWS = "follows"
    PENDING_MESSAGES = "pending_messages"


@dataclass(frozen=True, slots=True)
class Replacement:
    """A file of another contest than the loaded one: importing it replaces the loaded one."""

    loaded: str  # the loaded contest's name
    incoming: str  # the file's contest name
    removed: Mapping[Holding, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """What is removed, the empty kinds left out, in the order of `Holding`."""
        return {kind.value: n for kind in Holding if (n := self.removed.get(kind, 0))}
