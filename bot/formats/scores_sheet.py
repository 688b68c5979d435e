"""The theory sheet of the exam system (read, and its empty template) and the results workbook."""

import zipfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from bot.domain.contest import Person, Team
from bot.domain.enums import Role
from bot.domain.problems import N_
from bot.domain.scoring import Awards, Standings
from bot.domain.scoring.ranking import ranks_of
from bot.domain.scoring.standings import IndividualRow, TeamRow
from bot.domain.snapshot import ContestSnapshot
from bot.formats.headers import normalise
from bot.formats.yaml_reader import UnreadableFileError

CODE, NAME, THEORY, ESSAY = "选手编号 code", "姓名 name", "理论成绩 theory", "论文得分 essay"
COLUMNS = {"code": CODE, "theory": THEORY, "essay": ESSAY}
ALIASES = {"code": ("person code",), "theory": ("theory score",), "essay": ("essay score",)}
CENT = Decimal("0.01")
Paper = tuple[Decimal, Decimal | None]


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int | None  # the spreadsheet's own row number; None for the sheet as a whole
    message: str  # an English message id, marked with N_
    params: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class TheorySheet:
    papers: dict[str, Paper] = field(default_factory=dict)  # person code → (paper, essay)
    problems: list[RowProblem] = field(default_factory=list)


def read_theory(path: Path, contestants: Collection[str], maximum: Decimal) -> TheorySheet:
    """The papers of the first sheet, and every problem found with its row number."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise UnreadableFileError(str(error)) from error
    try:
        rows = [
            (n, cells)
            for n, cells in enumerate(workbook.worksheets[0].iter_rows(values_only=True), 1)
            if any(cell is not None and str(cell).strip() for cell in cells)
        ]
    finally:
        workbook.close()
    result = TheorySheet()
    header_row, header = rows[0] if rows else (None, ())
    accepted = {
        normalise(name): key
        for key, both in COLUMNS.items()
        for name in (both, *both.split(), *ALIASES[key])
    }
    where = {accepted[normalise(c)]: i for i, c in enumerate(header) if normalise(c) in accepted}
    for key in ("code", "theory"):
        if key not in where:
            message = N_("the required column '{header}' is missing")
            result.problems.append(RowProblem(header_row, message, {"header": COLUMNS[key]}))
    if result.problems:
        return result
    known = {code.casefold(): code for code in contestants}
    first: dict[str, int] = {}
    for number, cells in rows[1:]:
        values = {key: cells[i] if i < len(cells) else None for key, i in where.items()}
        problems = len(result.problems)
        paper = _score(values["theory"], number, maximum, result.problems)
        essay = _score(values.get("essay"), number, maximum, result.problems)
        text = _text(values["code"])
        code = known.get(text.casefold(), text)
        if paper is None and essay is None and len(result.problems) == problems:
            continue  # not graded yet, or absent: nothing to import
        if not code:
            result.problems.append(RowProblem(number, N_("the person code is missing")))
        elif code not in contestants:
            message = N_("{code} is not a contestant of this contest.")
            result.problems.append(RowProblem(number, message, {"code": code}))
        elif code in first:
            message = N_("{code} appears again (first in row {first})")
            result.problems.append(
                RowProblem(number, message, {"code": code, "first": first[code]})
            )
        else:
            first[code] = number
        if not _text(values["theory"]) and essay is not None:
            result.problems.append(RowProblem(number, N_("the theory score is missing")))
        if len(result.problems) == problems and paper is not None:
            result.papers[code] = (paper, essay)
    return result


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # an exam system that numbers its people
    return "" if cell is None else str(cell).strip()


def _score(cell: object, row: int, maximum: Decimal, problems: list[RowProblem]) -> Decimal | None:
    """The score of a cell (None when empty); a problem when it is not a valid score."""
    text = repr(cell) if isinstance(cell, float) else _text(cell)
    if not text:
        return None
    try:
        value = None if isinstance(cell, bool) else Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        problems.append(RowProblem(row, N_("'{value}' is not a number"), {"value": text}))
    elif not 0 <= value <= maximum:
        message = N_("the score {score} is not between 0 and {maximum}")
        problems.append(RowProblem(row, message, {"score": text, "maximum": maximum}))
    elif value != value.quantize(CENT):
        problems.append(RowProblem(row, N_("the score {score} has more than two decimals"),
                                   {"score": text}))  # fmt: skip
    else:
        return value.quantize(CENT)
    return None


def write_theory_template(path: Path, contestants: Iterable[Person]) -> None:
    """The sheet to fill in: one row per contestant; the name column is only a reading aid."""
    workbook = _workbook()
    sheet = _sheet(workbook, "Theory", (CODE, NAME, THEORY, ESSAY), (14, 16, 14, 14))
    for person in contestants:
        sheet.append((person.code, person.name, None, None))
    workbook.save(path)


INDIVIDUALS = ("赛道 track", "名次 rank", "选手编号 code", "姓名 name", "队伍 team",
               "理论成绩 theory", "实操成绩 practical", "总分 total")  # fmt: skip
TEAMS = ("赛道 track", "名次 rank", "队伍编号 team code", "队名 name", "理论均分 theory mean",
         "展示 showcase", "擂台 arena", "擂台折算 arena normalised", "实操成绩 practical",
         "总分 total")  # fmt: skip
AWARDS = ("奖项 kind", "赛道 track", "名次 rank", "获奖者 who")
CERTIFICATES = ("姓名 name", "队伍 team", "奖项 award", "赛道 track")
ROUND_PEOPLE = ("赛道 track", "名次 rank", "编号 code", "姓名 name", "队伍 team", "得分 score",
                "论文 essay")  # fmt: skip
ROUND_TEAMS = ("赛道 track", "名次 rank", "队伍 team", "名称 name", "得分 score")
TOP, EXCELLENT = "个人奖 individual award", "优秀选手 excellent contestant"
SHOWCASE = "最佳展示奖 best showcase"
PRIZES = {1: "团体一等奖 team first prize", 2: "团体二等奖 team second prize",
          3: "团体三等奖 team third prize"}  # fmt: skip


NOT_SCORED = "未计分 not scored"
PUBLISHED_BANNER = "成绩 已公布 · published results"
DRAFT_BANNER = "草稿 DRAFT · 未公布 not published, not for distribution"
DRAFT_SUFFIX = " 草稿 DRAFT"


def write_results(
    path: Path, snapshot: ContestSnapshot, standings: Standings, awards: Awards,
    draft: bool = False,
) -> None:  # fmt: skip
    """Sheets Individuals, Teams, Theory, Showcase, Arena, Awards and Certificates; scores as
    numbers with 2 decimals. Row 1 of every sheet says whether it is published or a draft
    (a draft's sheet names say so too) and how many are scored; the headers are in row 2.
    The unscored have no rank and come last."""
    people = {p.code: p for p in snapshot.data.people}
    teams, tracks = snapshot.teams, snapshot.tracks
    book = _Book(draft)
    rows = standings.individuals
    sheet = book.sheet("Individuals", INDIVIDUALS, (10, 6, 10, 12, 8, 10, 10, 10), _count(rows))
    for r in rows:
        sheet.append((r.track_code, _rank(r.rank), r.person_code, people[r.person_code].name,
                      r.team_code, *_numbers(r.theory, r.practical, r.total)))  # fmt: skip
    widths = (10, 6, 10, 24, 10, 10, 10, 10, 10, 10)
    sheet = book.sheet("Teams", TEAMS, widths, _count(standings.teams))
    for t in standings.teams:
        sheet.append((t.track_code, _rank(t.rank), t.team_code, teams[t.team_code].name,
                      *_numbers(t.theory, t.showcase, t.arena, t.arena_normalised, t.practical,
                                t.total)))  # fmt: skip
    _by_round(book, snapshot, standings)
    granted: list[tuple[str, str, int | None, Person | Team]]
    granted = [(TOP, a.track_code, a.rank, people[a.person_code]) for a in awards.top_individuals]
    granted += [(PRIZES.get(p.prize, f"团体奖 team prize {p.prize}"), p.track_code, p.rank,
                 teams[p.team_code]) for p in awards.team_prizes]  # fmt: skip
    granted += [(SHOWCASE, a.track_code, None, teams[a.team_code]) for a in awards.best_showcase]
    granted += [(EXCELLENT, a.track_code, a.rank, people[a.person_code])
                for a in awards.excellent_contestants]  # fmt: skip
    sheet = book.sheet("Awards", AWARDS, (30, 10, 6, 30))
    certificates = book.sheet("Certificates", CERTIFICATES, (12, 24, 30, 20))
    for kind, track, rank, who in granted:
        sheet.append((kind, track, rank, f"{who.code} {who.name}"))
        persons = [who] if isinstance(who, Person) else snapshot.members.get(who.code, ())
        for person in persons:
            if person.role is Role.CONTESTANT and person.team_code is not None:
                team = teams[person.team_code].name
                certificates.append((person.name, team, kind, tracks[track].name))
    for sheet in book.workbook.worksheets:
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "0.00"
    book.workbook.save(path)


class _Book:
    """The workbook, every sheet marked published or draft in its first row."""

    def __init__(self, draft: bool) -> None:
        self.workbook = _workbook()
        self.draft = draft

    def sheet(
        self, title: str, headers: Sequence[str], widths: Sequence[int], scored: str = ""
    ) -> Worksheet:
        name = title + DRAFT_SUFFIX if self.draft else title
        banner = DRAFT_BANNER if self.draft else PUBLISHED_BANNER
        sheet: Worksheet = self.workbook.create_sheet(name)
        sheet.append([" · ".join(filter(None, (banner, scored)))])
        sheet["A1"].font = Font(bold=True, color="C41E3A" if self.draft else "000000")
        sheet.append(list(headers))
        for index, width in enumerate(widths, start=1):
            sheet.cell(row=2, column=index).font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A3"
        return sheet


def _count(rows: Sequence[IndividualRow | TeamRow]) -> str:
    return _scored(sum(1 for r in rows if r.scored), len(rows))


def _scored(scored: int, count: int) -> str:
    return f"已计分 scored: {scored} / {count}"


def _rank(rank: int | None) -> int | str:
    return NOT_SCORED if rank is None else rank


def _by_round(book: _Book, snapshot: ContestSnapshot, standings: Standings) -> None:
    """One sheet per kind of round: the theory paper, the showcase, the arena, each ranked
    within its track on that round's own score; who has no score there is unranked, last."""
    people, teams = {p.code: p for p in snapshot.data.people}, snapshot.teams
    papers = [r.theory for r in standings.individuals]
    scored = _scored(sum(1 for p in papers if p is not None), len(papers))
    sheet = book.sheet("Theory", ROUND_PEOPLE, (10, 6, 10, 12, 8, 10, 10), scored)
    for track in standings.tracks:
        rows = {r.person_code: r for r in standings.individuals_in(track)}
        ranks = ranks_of({code: r.theory for code, r in rows.items()})
        for code in sorted(rows, key=lambda code: _order(ranks[code], code)):
            r = rows[code]
            sheet.append((track, _rank(ranks[code]), code, people[code].name, r.team_code,
                          *_numbers(r.theory, r.essay)))  # fmt: skip
    for title, score in (("Showcase", "showcase"), ("Arena", "arena")):
        values = {r.team_code: getattr(r, score) for r in standings.teams}
        count = _scored(sum(1 for v in values.values() if v is not None), len(values))
        sheet = book.sheet(title, ROUND_TEAMS, (10, 6, 10, 24, 10), count)
        for track in standings.tracks:
            mine = {r.team_code: getattr(r, score) for r in standings.teams_in(track)}
            ranks = ranks_of(mine)
            for code in sorted(mine, key=lambda code: _order(ranks[code], code)):
                sheet.append((track, _rank(ranks[code]), code, teams[code].name,
                              *_numbers(mine[code])))  # fmt: skip


def _order(rank: int | None, code: str) -> tuple[bool, int, str]:
    return (rank is None, rank or 0, code)


def _workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # every sheet is created by name
    return workbook


def _sheet(
    workbook: Workbook, title: str, headers: Sequence[str], widths: Sequence[int]
) -> Worksheet:
    sheet: Worksheet = workbook.create_sheet(title)
    sheet.append(list(headers))
    for index, width in enumerate(widths, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _numbers(*values: Decimal | None) -> list[float | None]:
    return [None if v is None else float(v) for v in values]
