"""The text of `contest-bot show`, in the console's language and the contest's time zone."""

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.cli.console import Console
from bot.domain.contest import ContestData, Round, Slot, Team
from bot.domain.enums import Locale, QuestionType, Role
from bot.domain.problems import N_, N_plural
from bot.domain.summary import (
    ProgrammeItem,
    contest_days,
    programme,
    question_counts,
    role_counts,
    team_programme,
    track_summaries,
)

LIST_SEPARATOR = N_(", ")
TEAMS = N_plural("{count} team", "{count} teams")
ROLE_NAMES = {
    Role.CONTESTANT: N_("contestants"),
    Role.LEADER: N_("leaders"),
    Role.ORGANIZER: N_("organizers"),
    Role.JUDGE: N_("judges"),
    Role.AUDITOR: N_("auditors"),
}
TYPE_NAMES = {
    QuestionType.SINGLE: N_("single choice"),
    QuestionType.MULTIPLE: N_("multiple choice"),
    QuestionType.FILL_IN: N_("fill-in"),
    QuestionType.TRUE_FALSE: N_("true/false"),
    QuestionType.SHORT_ANSWER: N_("short answer"),
    QuestionType.ESSAY: N_("essay"),
}


def _name(console: Console, name: str, name_en: str) -> str:
    return name_en if console.locale is Locale.EN and name_en else name


def _clock(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def overview_lines(console: Console, data: ContestData) -> Iterator[str]:
    contest = data.contest
    yield console.text(
        N_("{name} ({start} to {end}, times in {zone})"),
        name=contest.name,
        start=contest.starts_on or "?",
        end=contest.ends_on or "?",
        zone=contest.timezone,
    )
    yield console.text(N_("Tracks: {count}"), count=len(data.tracks))
    for summary in track_summaries(data):
        yield console.text(
            N_("  {code} {name}: {teams} teams, {contestants} contestants, {leaders} leaders"),
            code=summary.track.code,
            name=_name(console, summary.track.name, summary.track.name_en),
            teams=summary.teams,
            contestants=summary.contestants,
            leaders=summary.leaders,
        )
    yield console.text(N_("Teams: {count}"), count=len(data.teams))
    separator = console.text(LIST_SEPARATOR)
    roles = separator.join(
        f"{count} {console.text(ROLE_NAMES[role])}" for role, count in role_counts(data).items()
    )
    yield console.text(N_("People: {count} ({roles})"), count=len(data.people), roles=roles)
    kinds = separator.join(
        f"{console.text(TYPE_NAMES[kind])} {count}" for kind, count in question_counts(data).items()
    )
    yield console.text(N_("Questions: {count} ({kinds})"), count=len(data.questions), kinds=kinds)
    yield console.text(N_("Programme:"))
    for day in contest_days(data):
        yield f"  {day.isoformat()}"
        yield from _programme_lines(console, data, programme(data, day))


def _programme_lines(
    console: Console, data: ContestData, items: list[ProgrammeItem]
) -> Iterator[str]:
    zone = ZoneInfo(data.contest.timezone)
    venues = {v.code: v for v in data.venues}
    for item in items:
        venue = venues.get(item.venue_code or "")
        where = _name(console, venue.name, venue.name_en) if venue else ""
        what = _round_title(console, item.round, item.title, item.title_en)
        if item.team_codes:
            what += " · " + console.text(TEAMS, count=len(item.team_codes))
        yield f"    {_clock(item.starts_at, zone)}–{_clock(item.ends_at, zone)}  {what}  @ {where}"


def _round_title(console: Console, round_: Round, title: str, title_en: str) -> str:
    name = _name(console, round_.name, round_.name_en)
    detail = _name(console, title, title_en)
    if not detail or detail == name:
        return name
    return detail if detail.startswith(name) else f"{name}: {detail}"


def day_lines(console: Console, data: ContestData, day: date) -> Iterator[str]:
    items = [slot for slot in data.slots if _local_day(data, slot) == day]
    if not items:
        yield console.text(N_("Nothing is scheduled on {day}."), day=day.isoformat())
        return
    yield console.text(N_("Programme of {day}:"), day=day.isoformat())
    yield from _slot_lines(console, data, sorted(items, key=lambda s: (s.starts_at, s.position)))


def team_lines(console: Console, data: ContestData, team: Team) -> Iterator[str]:
    track = next(t for t in data.tracks if t.code == team.track_code)
    yield f"{team.code} {team.name} · {_name(console, track.name, track.name_en)}"
    if team.organisation:
        yield f"  {team.organisation}"
    for person in data.people:
        if person.team_code == team.code:
            seat = f" #{person.seat}" if person.seat else ""
            yield f"  {console.text(ROLE_NAMES[person.role])}{seat}: {person.name}"
    yield console.text(N_("Programme:"))
    yield from _slot_lines(console, data, team_programme(data, team))


def _slot_lines(console: Console, data: ContestData, slots: list[Slot]) -> Iterator[str]:
    zone = ZoneInfo(data.contest.timezone)
    rounds = {r.code: r for r in data.rounds}
    teams = {t.code: t for t in data.teams}
    venues = {v.code: v for v in data.venues}
    for slot in slots:
        round_ = rounds[slot.round_code]
        venue = venues.get(slot.venue(round_) or "")
        where = _name(console, venue.name, venue.name_en) if venue else ""
        what = _round_title(console, round_, slot.title, slot.title_en)
        team = teams.get(slot.team_code or "")
        if team is not None:
            position = console.text(N_("No. {position}"), position=slot.position)
            what += f" · {position} {team.name}"
        start = slot.starts_at.astimezone(zone)
        yield f"  {start:%m-%d %H:%M}–{_clock(slot.ends_at, zone)}  {what}  @ {where}"


def _local_day(data: ContestData, slot: Slot) -> date:
    return slot.starts_at.astimezone(ZoneInfo(data.contest.timezone)).date()
