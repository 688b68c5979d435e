"""Who is in an arena round: its teams in running order, the team a button names, a team's
contestants."""

from bot.domain.contest import Person, Round, Team
from bot.domain.enums import Role
from bot.domain.snapshot import ContestSnapshot
from bot.services.live import team_slots


def round_teams(snapshot: ContestSnapshot, round_: Round) -> list[Team]:
    """The round's teams in running order."""
    turns = sorted(team_slots(snapshot, round_.code), key=lambda s: s.position)
    codes = [s.team_code for s in turns if s.team_code is not None]
    return [snapshot.teams[code] for code in codes if code in snapshot.teams]


def team_of(teams: list[Team], team_id: int) -> Team | None:
    """The team a button names by id, if it still has a turn in the round."""
    return next((t for t in teams if t.id is not None and t.id == team_id), None)


def contestants(snapshot: ContestSnapshot, team: Team) -> list[Person]:
    members = snapshot.members.get(team.code, ())
    return [p for p in members if p.role is Role.CONTESTANT and p.id is not None]
