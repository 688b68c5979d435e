"""Arrival on a contest day: contestants and leaders check in once a day."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.audience import ON_SITE
from bot.domain.reminders import MemberState, TeamArrivals, Turn, TurnAcknowledgement
from bot.domain.snapshot import ContestSnapshot
from bot.services.acknowledgements import acknowledge_by_check_in
from bot.services.ports import ReminderViews, UnitOfWork
from bot.services.reminders import current_turn, member_states


class CheckInOutcome(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"  # earlier today; the first time stands
    NOT_A_CONTEST_DAY = "not_a_contest_day"


@dataclass(frozen=True, slots=True)
class CheckInResult:
    outcome: CheckInOutcome
    at: datetime | None = None


async def check_in(
    uow: UnitOfWork, snapshot: ContestSnapshot, person_id: int, now: datetime,
    views: ReminderViews,
) -> CheckInResult:  # fmt: skip
    day = now.astimezone(snapshot.zone).date()
    if snapshot.days and day not in snapshot.days:
        return CheckInResult(CheckInOutcome.NOT_A_CONTEST_DAY)
    at = await uow.check_ins.check_in(person_id, day, now)
    outcome = CheckInOutcome.CHECKED_IN if at == now else CheckInOutcome.ALREADY
    # Arriving (again, by the button under a reminder) answers for the turn being reminded.
    if (person := snapshot.people.get(person_id)) is not None:
        await acknowledge_by_check_in(uow, snapshot, person, now, views)
    return CheckInResult(outcome, at)


@dataclass(frozen=True, slots=True)
class RoundAttendance:
    round_code: str
    teams: tuple[TeamArrivals, ...]  # in running order; their contestants and leaders


async def attendance(
    uow: UnitOfWork, snapshot: ContestSnapshot, now: datetime
) -> list[RoundAttendance]:
    """Per round with team turns today: who of its teams has not checked in yet."""
    day = now.astimezone(snapshot.zone).date()
    arrived = await uow.check_ins.checked_in(day)
    found = []
    for round_ in snapshot.data.rounds:
        turns = [
            s for s in snapshot.data.slots
            if s.round_code == round_.code and s.team_code and snapshot.local_day(s) == day
        ]  # fmt: skip
        teams = dict.fromkeys(s.team_code for s in sorted(turns, key=lambda s: s.position))
        by_team = tuple(_team(snapshot, team, arrived) for team in teams if team)
        if any(team.arrived or team.missing for team in by_team):
            found.append(RoundAttendance(round_.code, by_team))
    return found


def _team(snapshot: ContestSnapshot, team_code: str, arrived: set[int]) -> TeamArrivals:
    people = [p for p in snapshot.members.get(team_code, ()) if p.role in ON_SITE]
    return TeamArrivals(
        team_code,
        tuple(p for p in people if p.id in arrived),
        tuple(p for p in people if p.id not in arrived),
    )


@dataclass(frozen=True, slots=True)
class TeamStatus:
    """A team on the day, as its leader sees it: each member's check-in, and the current or
    next turn with who acknowledged it."""

    members: tuple[MemberState, ...]
    turn: Turn | None = None
    acknowledgement: TurnAcknowledgement | None = None


async def team_status(
    uow: UnitOfWork, snapshot: ContestSnapshot, team_code: str, now: datetime
) -> TeamStatus:
    members = tuple(await member_states(uow, snapshot, team_code, now))
    turn = await current_turn(uow, snapshot, team_code, now)
    if turn is None:
        return TeamStatus(members)
    return TeamStatus(members, turn, (await uow.reminders.acknowledgements()).get(turn))
