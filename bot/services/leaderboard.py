"""The practice leaderboard of a track: only those who chose to appear on it."""

from dataclasses import dataclass, replace
from datetime import datetime

from bot.domain.contest import Person, Track
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


@dataclass(frozen=True, slots=True)
class Board:
    """The board of a person's track as they see it."""

    track: Track
    places: list[Place]
    person_id: int
    joined: bool  # whether the person chose to appear on it


@dataclass(frozen=True, slots=True)
class BoardChoice:
    changed: bool  # False for a double tap, or a copy of the buttons gone stale
    board: Board | None  # None when the person has no track


async def board(
    uow: UnitOfWork, snapshot: ContestSnapshot, person: Person, now: datetime
) -> Board | None:
    """This week's board of the person's track; None when they have none."""
    team = snapshot.teams.get(person.team_code or "")
    track = snapshot.tracks.get(team.track_code) if team else None
    if person.id is None or track is None:
        return None
    joined = (await uow.preferences.get(person.id)).on_leaderboard
    places = await leaderboard(uow, snapshot, track.code, now)
    return Board(track, places, person.id, joined)


async def choose_board(
    uow: UnitOfWork, snapshot: ContestSnapshot | None, person: Person, join: bool, now: datetime
) -> BoardChoice:
    """Joins or leaves the board (unless already so), then the board as it is now."""
    person_id = person.id or 0
    changed = (await uow.preferences.get(person_id)).on_leaderboard != join
    if changed:
        await join_leaderboard(uow, person_id, join, now)
    shown = await board(uow, snapshot, person, now) if snapshot is not None else None
    return BoardChoice(changed, shown)
