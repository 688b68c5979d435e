"""What came of an attempt to bind a Telegram account to a person by their invite code."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.accounts import Account
from bot.domain.contest import Person


class Outcome(StrEnum):
    BOUND = "bound"
    ALREADY_YOURS = "already_yours"
    ACCOUNT_TAKEN = "account_taken"  # this account already speaks for someone else
    PERSON_TAKEN = "person_taken"  # someone else's account already speaks for this person
    WRONG_CODE = "wrong_code"
    BLOCKED = "blocked"  # this account entered too many wrong codes
    TOO_MANY_ATTEMPTS = "too_many_attempts"  # a limit all accounts share (invite_limits.py)
    NO_CONTEST = "no_contest"


@dataclass(frozen=True, slots=True)
class StartResult:
    outcome: Outcome
    account: Account
    person: Person | None = None
    attempts_left: int = 0
    blocked_until: datetime | None = None  # BLOCKED and TOO_MANY_ATTEMPTS: until when
    wait_minutes: int = 0  # TOO_MANY_ATTEMPTS: how long that is, rounded up
