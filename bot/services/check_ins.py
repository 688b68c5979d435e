"""Arrival on a contest day: contestants and leaders check in once a day."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork


class CheckInOutcome(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"  # earlier today; the first time stands
    NOT_A_CONTEST_DAY = "not_a_contest_day"


@dataclass(frozen=True, slots=True)
class CheckInResult:
    outcome: CheckInOutcome
    at: datetime | None = None


async def check_in(
    uow: UnitOfWork, snapshot: ContestSnapshot, person_id: int, now: datetime
) -> CheckInResult:
    day = now.astimezone(snapshot.zone).date()
    if snapshot.days and day not in snapshot.days:
        return CheckInResult(CheckInOutcome.NOT_A_CONTEST_DAY)
    at = await uow.check_ins.check_in(person_id, day, now)
    outcome = CheckInOutcome.CHECKED_IN if at == now else CheckInOutcome.ALREADY
    return CheckInResult(outcome, at)
