"""The person behind an update, as the answers see them."""

from dataclasses import dataclass

from bot.domain.accounts import Account
from bot.domain.contest import Person, Team
from bot.domain.enums import Locale, Role


@dataclass(frozen=True, slots=True)
class Viewer:
    """The person behind an update, resolved against the current contest."""

    account: Account | None
    person: Person | None
    team: Team | None
    locale: Locale

    @property
    def role(self) -> Role | None:
        return self.person.role if self.person else None

    @property
    def track_code(self) -> str | None:
        return self.team.track_code if self.team else None
