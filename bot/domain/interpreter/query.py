"""What a contestant asked about the schedule, as structured data the bot can answer."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.domain.enums import RoundKind


class Intent(StrEnum):
    WHEN = "when"
    WHERE = "where"
    WHATS_ON = "whats_on"
    MY_TURN = "my_turn"
    ON_STAGE = "on_stage"
    HOW_LONG = "how_long"
    UNKNOWN = "unknown"


class Ask(StrEnum):
    """Which fact about the subject is asked, when it is more than its time or place."""

    COUNTDOWN = "countdown"  # how long until it starts
    POSITION = "position"  # the place in the running order
    NEIGHBOURS = "neighbours"  # the teams before and after in the running order
    ROSTER = "roster"  # who is in the team
    DONE = "done"  # over or not yet
    CHECK_IN = "check_in"  # who has checked in today
    GO = "go"  # where to go now: the current or next item's venue
    NEXT = "next"  # the next item


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


@dataclass(frozen=True, slots=True)
class Query:
    intent: Intent
    day: date | None = None
    part_of_day: PartOfDay | None = None
    round_kinds: frozenset[RoundKind] = frozenset()
    # A team named in the text; the asker's own team is implied by MY_TURN instead.
    team_code: str | None = None
    venue_code: str | None = None
    track_code: str | None = None
    ask: Ask | None = None
    # The asker's own team is the subject (我们, our), whatever the intent.
    own_team: bool = False


UNKNOWN = Query(Intent.UNKNOWN)
