"""Small helpers shared by the scoring tests."""

from decimal import Decimal

from bot.domain.scoring.standings import IndividualRow, Standings, TeamRow


def D(value: str | int) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(str(value))


def individual(code: str, team: str, rank: int, track: str = "12345") -> IndividualRow:
    """A row where only the rank matters (awards read ranks, not totals)."""
    return IndividualRow(code, team, track, D(80), D(80), D(80), rank)


def team(code: str, rank: int, track: str = "12345", showcase: str | None = None) -> TeamRow:
    return TeamRow(
        team_code=code,
        track_code=track,
        theory=D(80),
        showcase=None if showcase is None else D(showcase),
        arena=D(0),
        arena_normalised=D(0),
        practical=D(80),
        total=D(80),
        rank=rank,
    )


def ranked(individuals: list[IndividualRow], teams: list[TeamRow]) -> Standings:
    return Standings(tuple(individuals), tuple(teams))
