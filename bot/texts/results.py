"""What a contestant is told of their result, and what followers see of a track."""

from decimal import Decimal

from bot.domain.contest import Person, Round
from bot.domain.enums import RoundKind
from bot.domain.problems import N_
from bot.domain.scoring.standings import Standings
from bot.domain.snapshot import ContestSnapshot
from bot.images.standings import Line, standings_png
from bot.texts.texts import Texts, html

SHOWN = 10


def personal_result(
    t: Texts, snapshot: ContestSnapshot, round_: Round, table: Standings, person: Person,
    version: int,
) -> str:  # fmt: skip
    me = next((r for r in table.individuals if r.person_code == person.code), None)
    team = next((r for r in table.teams if r.team_code == person.team_code), None)
    if me is None or team is None:
        return t(N_("No result has been recorded for you in {round}."), round=_name(t, round_))
    lines = [_heading(t, round_, version)]
    track = [r for r in table.individuals_in(me.track_code)]
    teams = table.teams_in(team.track_code)
    if round_.kind is RoundKind.THEORY:
        rank = _rank(me.theory, [r.theory for r in track])
        lines.append(t(N_("Your theory score: {score} (rank {rank} of {count} in your track)."),
                       score=_score(me.theory), rank=rank, count=len(track)))  # fmt: skip
    elif round_.kind is RoundKind.SHOWCASE:
        rank = _rank(team.showcase, [r.showcase for r in teams])
        lines.append(t(N_("Your team's showcase score: {score} (rank {rank} of {count} teams)."),
                       score=_score(team.showcase), rank=rank, count=len(teams)))  # fmt: skip
    else:
        lines.append(t(N_("Your total: {total} (theory {theory}, practical {practical}), rank "
                          "{rank} of {count} in your track."),
                       total=_score(me.total), theory=_score(me.theory),
                       practical=_score(me.practical), rank=me.rank, count=len(track)))  # fmt: skip
        lines.append(t(N_("Your team: {total}, rank {rank} of {count} teams."),
                       total=_score(team.total), rank=team.rank, count=len(teams)))  # fmt: skip
    return "\n".join(lines)


def track_standings(
    t: Texts, snapshot: ContestSnapshot, round_: Round, table: Standings, track_code: str,
    version: int,
) -> str:  # fmt: skip
    return _heading(t, round_, version) + "\n" + standings_lines(t, snapshot, table, track_code)


def standings_lines(t: Texts, snapshot: ContestSnapshot, table: Standings, track_code: str) -> str:
    """The track's name, then its teams by rank with their totals."""
    track = snapshot.tracks.get(track_code)
    lines = []
    if track is not None:
        lines.append(f"<b>{html(t.name(track.name, track.name_en))}</b>")
    teams = table.teams_in(track_code)
    for row in teams[:SHOWN]:
        team = snapshot.teams.get(row.team_code)
        name = team.name if team else row.team_code
        lines.append(f"{row.rank}. {html(row.team_code)} {html(name)} {_score(row.total)}")
    if len(teams) > SHOWN:
        lines.append(t(N_("… and {count} more"), count=len(teams) - SHOWN))
    return "\n".join(lines)


def _heading(t: Texts, round_: Round, version: int) -> str:
    if version > 1:
        return t(N_("📊 <b>Correction</b> to the results of {round}:"), round=_name(t, round_))
    return t(N_("📊 Results of {round} are published:"), round=_name(t, round_))


def _name(t: Texts, round_: Round) -> str:
    return t.name(round_.name, round_.name_en)


def _rank(mine: Decimal | None, scores: list[Decimal | None]) -> int:
    """Competition ranking: one more than the number of strictly better scores."""
    value = mine if mine is not None else Decimal(-1)
    return 1 + sum(1 for s in scores if s is not None and s > value)


def _score(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def standings_picture(
    t: Texts, snapshot: ContestSnapshot, round_: Round, table: Standings, track_code: str
) -> bytes:
    """The track's team standings as a PNG: every team, not only the first ten."""
    track = snapshot.tracks.get(track_code)
    title = f"{_name(t, round_)} · {t.name(track.name, track.name_en) if track else track_code}"
    headers = [t(N_("Rank")), t(N_("Team")), t(N_("Showcase")), t(N_("Arena")), t(N_("Total"))]
    lines = [
        Line(row.rank, _team_label(snapshot, row.team_code), row.showcase, row.arena, row.total)
        for row in table.teams_in(track_code)
    ]
    return standings_png(title, headers, lines)


def _team_label(snapshot: ContestSnapshot, code: str) -> str:
    team = snapshot.teams.get(code)
    return f"{code} {team.name}" if team else code
