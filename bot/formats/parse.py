"""From raw rows to a located contest draft; cell problems are collected, never raised."""

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.domain.contest import Contest, Person, Round, Slot, Team, Track, Venue
from bot.domain.draft import Coded, ContestDraft, Located
from bot.domain.enums import Locale, Role, RoundKind
from bot.domain.problems import N_, Problem, Sheet
from bot.formats.cells import CellReader
from bot.formats.choices import ALL_TEAMS_WORDS, LOCALE_LABELS, ROLE_LABELS, ROUND_KIND_LABELS
from bot.formats.document import RawDocument, RawRow
from bot.formats.question_cells import read_question

T = TypeVar("T", bound=Coded)
FALLBACK_ZONE = "Asia/Shanghai"


def parse_document(document: RawDocument) -> tuple[ContestDraft, list[Problem]]:
    problems = list(document.problems)
    draft = ContestDraft(missing_sheets=set(Sheet) - set(document.sheets))
    zone = ZoneInfo(FALLBACK_ZONE)
    for row in document.sheets.get(Sheet.CONTEST, []):
        cells = CellReader(Sheet.CONTEST, row, problems)
        draft.contest, zone = _read_contest(cells, zone)

    def collect(sheet: Sheet, read: Callable[[CellReader], T | None]) -> list[Located[T]]:
        located, unreadable = read_rows(sheet, document.sheets.get(sheet, []), read, problems)
        if unreadable:
            draft.unreadable[sheet] = unreadable
        return located

    draft.venues = collect(Sheet.VENUES, _read_venue)
    draft.tracks = collect(Sheet.TRACKS, _read_track)
    draft.teams = collect(Sheet.TEAMS, _read_team)
    draft.people = collect(Sheet.PEOPLE, _read_person)
    draft.rounds = collect(Sheet.ROUNDS, _read_round)
    draft.questions = collect(Sheet.QUESTIONS, read_question)
    for row in document.sheets.get(Sheet.SCHEDULE, []):
        cells = CellReader(Sheet.SCHEDULE, row, problems)
        slot = _read_slot(cells, zone)
        if slot is not None and not cells.failed:
            draft.slots.append(Located(slot, row.number))
    return draft, problems


def read_rows(
    sheet: Sheet,
    rows: Sequence[RawRow],
    read: Callable[[CellReader], T | None],
    problems: list[Problem],
) -> tuple[list[Located[T]], set[str]]:
    """The rows that read cleanly, and the codes of those that did not (problems reported)."""
    located = []
    unreadable = set()
    for row in rows:
        cells = CellReader(sheet, row, problems)
        item = read(cells)
        if item is not None and not cells.failed:
            located.append(Located(item, row.number))
        elif code := cells.text("code"):
            unreadable.add(code)
    return located, unreadable


def _read_contest(cells: CellReader, zone: ZoneInfo) -> tuple[Contest, ZoneInfo]:
    name = cells.text("name")
    if not name:
        cells.report("name", N_("fill in the contest's name"))
    found_zone = cells.zone("timezone")
    contest = Contest(
        name=name,
        timezone=found_zone.key if found_zone else zone.key,
        default_locale=cells.choice("default_locale", LOCALE_LABELS) or Locale.ZH_HANS,
        starts_on=cells.day("starts_on"),
        ends_on=cells.day("ends_on"),
        host=cells.text("host"),
        description=cells.text("description"),
    )
    return contest, found_zone or zone


def _read_venue(cells: CellReader) -> Venue:
    return Venue(
        code=cells.text("code", required=True),
        name=cells.text("name", required=True),
        name_en=cells.text("name_en"),
        address=cells.text("address"),
        directions=cells.text("directions"),
        capacity=cells.integer("capacity"),
    )


def _read_track(cells: CellReader) -> Track:
    return Track(
        code=cells.text("code", required=True),
        name=cells.text("name", required=True),
        name_en=cells.text("name_en"),
        description=cells.text("description"),
    )


def _read_team(cells: CellReader) -> Team:
    return Team(
        code=cells.text("code", required=True),
        name=cells.text("name", required=True),
        track_code=cells.text("track", required=True),
        organisation=cells.text("organisation"),
    )


def _read_person(cells: CellReader) -> Person:
    return Person(
        code=cells.text("code", required=True),
        name=cells.text("name", required=True),
        role=cells.choice("role", ROLE_LABELS, required=True) or Role.CONTESTANT,
        team_code=cells.code("team"),
        seat=cells.integer("seat"),
        invite_code=cells.code("invite_code"),
        locale=cells.choice("locale", LOCALE_LABELS),
        judge_tracks=cells.codes("judge_tracks"),
        judge_rounds=cells.codes("judge_rounds"),
    )


def _read_round(cells: CellReader) -> Round:
    return Round(
        code=cells.text("code", required=True),
        name=cells.text("name", required=True),
        kind=cells.choice("kind", ROUND_KIND_LABELS, required=True) or RoundKind.OTHER,
        track_code=cells.code("track"),
        venue_code=cells.code("venue"),
        name_en=cells.text("name_en"),
    )


def _read_slot(cells: CellReader, zone: ZoneInfo) -> Slot | None:
    round_code = cells.text("round", required=True)
    position = cells.integer("position", required=True)
    starts_at = cells.moment("starts_at", zone)
    minutes = cells.integer("duration", required=True)
    team = cells.code("team")
    if position is None or starts_at is None or minutes is None:
        return None
    return Slot(
        round_code=round_code,
        position=position,
        starts_at=starts_at,
        duration=timedelta(minutes=minutes),
        team_code=None if team is None or team.casefold() in ALL_TEAMS_WORDS else team,
        venue_code=cells.code("venue"),
        title=cells.text("title"),
        title_en=cells.text("title_en"),
    )
