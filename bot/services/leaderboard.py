"""The practice leaderboard of a track: only those who chose to appear on it."""

from dataclasses import replace
from datetime import datetime

from bot.domain.leaderboard import Place, Tally, ranked, week_start
from bot.domain.practice_plan import PracticePreferences
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork


async def leaderboard(
    uow: UnitOfWork, snapshot: ContestSnapshot, track_code: str, now: datetime
) -> list[Place]:
    """This week's places among the track's contestants and leaders who opted in."""
    members = {  # person id: (name, team name)
        person.id: (person.name, team.name)
        for team in snapshot.data.teams
        if team.track_code == track_code
        for person in snapshot.members.get(team.code, ())
        if person.id is not None
    }
    shown = members.keys() & await uow.preferences.on_leaderboard()
    counts = await uow.practice.tally(shown, week_start(now, snapshot.zone))
    return ranked(
        Tally(pid, *members[pid], right, answered) for pid, (right, answered) in counts.items()
    )


async def join_leaderboard(
    uow: UnitOfWork, person_id: int, join: bool, now: datetime
) -> PracticePreferences:
    chosen = replace(await uow.preferences.get(person_id), on_leaderboard=join)
    await uow.preferences.save(chosen, now)
    return chosen
