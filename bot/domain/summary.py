"""Read-only views of a contest: counts per track, the programme by day, a team's slots."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.contest import ContestData, Round, Slot, Team, Track
from bot.domain.enums import QuestionType, Role


@dataclass(frozen=True, slots=True)
class TrackSummary:
    track: Track
    teams: int
    contestants: int
    leaders: int


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    """One line of the programme: a session for everyone, or a round's run of team slots."""

    round: Round
    starts_at: datetime
    ends_at: datetime
    venue_code: str | None
    team_codes: tuple[str, ...]
    title: str
    title_en: str


def track_summaries(data: ContestData) -> list[TrackSummary]:
    team_track = {team.code: team.track_code for team in data.teams}
    per_track = Counter(team.track_code for team in data.teams)
    people = Counter(
        (team_track[p.team_code], p.role) for p in data.people if p.team_code in team_track
    )
    return [
        TrackSummary(
            track,
            per_track[track.code],
            people[(track.code, Role.CONTESTANT)],
            people[(track.code, Role.LEADER)],
        )
        for track in data.tracks
    ]


def role_counts(data: ContestData) -> dict[Role, int]:
    counts = Counter(person.role for person in data.people)
    return {role: counts[role] for role in Role}


def question_counts(data: ContestData) -> dict[QuestionType, int]:
    counts = Counter(question.type for question in data.questions)
    return {kind: counts[kind] for kind in QuestionType}


def contest_days(data: ContestData) -> list[date]:
    zone = ZoneInfo(data.contest.timezone)
    return sorted({slot.starts_at.astimezone(zone).date() for slot in data.slots})


def programme(data: ContestData, day: date | None = None) -> list[ProgrammeItem]:
    """The programme in time order; consecutive team slots of a round on one day merge."""
    zone = ZoneInfo(data.contest.timezone)
    rounds = {r.code: r for r in data.rounds}
    items: list[ProgrammeItem] = []
    open_runs: dict[tuple[str, date], int] = {}
    for slot in sorted(data.slots, key=lambda s: (s.starts_at, s.round_code, s.position)):
        local_day = slot.starts_at.astimezone(zone).date()
        if day is not None and local_day != day:
            continue
        round_ = rounds[slot.round_code]
        venue = slot.venue(round_)
        run = open_runs.get((slot.round_code, local_day))
        if slot.team_code is not None and run is not None and items[run].venue_code == venue:
            merged = items[run]
            items[run] = ProgrammeItem(
                round_,
                merged.starts_at,
                max(merged.ends_at, slot.ends_at),
                venue,
                (*merged.team_codes, slot.team_code),
                merged.title,
                merged.title_en,
            )
            continue
        item = ProgrammeItem(
            round_,
            slot.starts_at,
            slot.ends_at,
            venue,
            (slot.team_code,) if slot.team_code else (),
            slot.title,
            slot.title_en,
        )
        items.append(item)
        if slot.team_code is not None:
            open_runs[(slot.round_code, local_day)] = len(items) - 1
    return items


def team_programme(data: ContestData, team: Team) -> list[Slot]:
    """The team's own slots and the sessions for everyone in its track, in time order."""
    rounds = {r.code: r for r in data.rounds}
    return sorted(
        (
            slot
            for slot in data.slots
            if slot.team_code == team.code
            or (
                slot.team_code is None
                and rounds[slot.round_code].track_code in (None, team.track_code)
            )
        ),
        key=lambda s: s.starts_at,
    )
