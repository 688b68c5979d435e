"""Telegram accounts: who is talking to the bot, and the guard against guessing invite codes."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.domain.enums import Locale

# Five wrong codes within a quarter of an hour lock code entry for half an hour. With 31^8
# possible codes, guessing one takes thousands of years per account.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Account:
    telegram_user_id: int
    chat_id: int
    created_at: datetime
    person_id: int | None = None
    locale: Locale | None = None
    failed_codes: int = 0
    failed_since: datetime | None = None
    blocked_until: datetime | None = None
    bound_at: datetime | None = None
    id: int | None = None

    def blocked(self, now: datetime) -> bool:
        return self.blocked_until is not None and now < self.blocked_until

    def after_wrong_code(self, now: datetime) -> "Account":
        fresh = self.failed_since is None or now - self.failed_since > FAILURE_WINDOW
        failures = 1 if fresh else self.failed_codes + 1
        since = now if fresh else self.failed_since
        blocked_until = now + LOCKOUT if failures >= MAX_FAILURES else None
        return replace(
            self,
            failed_codes=0 if blocked_until else failures,
            failed_since=None if blocked_until else since,
            blocked_until=blocked_until,
        )

    @property
    def attempts_left(self) -> int:
        return MAX_FAILURES - self.failed_codes

    def bound_to(self, person_id: int, now: datetime) -> "Account":
        return replace(
            self,
            person_id=person_id,
            bound_at=now,
            failed_codes=0,
            failed_since=None,
            blocked_until=None,
        )


def normalise_invite_code(text: str) -> str:
    """Codes are typed from badges: forgive case, spaces and dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())
