"""A malformed workbook is rejected with every error listed and the database untouched."""

import random
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft
from bot.domain.enums import Locale
from bot.domain.problems import Problem, Sheet
from bot.domain.validation import validate
from bot.formats.columns import CONTEST_FIELDS, SHEETS, SheetSpec
from bot.formats.files import UnreadableFileError, UnsupportedFormatError, read_document
from bot.formats.parse import parse_document
from bot.formats.problem_text import describe
from bot.services.contest_import import import_contest
from bot.views import BotViews
from storage.database import Database
from tests.formats.workbooks import EditableWorkbook

# Rows of the exported demo workbook that the tests below break (row 1 holds the headers).
LEADER_OF_H04 = 17  # People: H04-L, a team leader
SECOND_PERSON = 3  # People: H01-2; row 2 is H01-1
FINAL_WINDOW = 8  # Schedule: FI-window in HALL1, 2024-09-27 15:10; row 7 is FI-12345
FIRST_SHOWCASE = 10  # Schedule: SC-12345 position 1
FIRST_QUESTION = 2  # Questions: Q001, single choice
SECOND_QUESTION = 3  # Questions: Q002, single choice


def read(path: Path) -> tuple[ContestDraft, list[Problem]]:
    return parse_document(read_document(path))


def all_problems(path: Path) -> list[Problem]:
    """What an import reports: reading problems and validation, in sheet/row/column order."""
    draft, problems = read(path)
    return sorted([*problems, *validate(draft)], key=lambda p: p.sort_key)


def english(problems: list[Problem]) -> list[str]:
    return [describe(problem, Locale.EN) for problem in problems]


def chinese(problems: list[Problem]) -> list[str]:
    return [describe(problem, Locale.ZH_HANS) for problem in problems]


# Each breaks one thing in the workbook and returns the English line it must produce.


def unknown_team(workbook: EditableWorkbook) -> str:
    assert workbook.get("People", LEADER_OF_H04, "编号") == "H04-L"
    workbook.set("People", LEADER_OF_H04, "参赛队", "X")
    return "People row 17, column team: team 'X' does not exist"


def duplicate_person(workbook: EditableWorkbook) -> str:
    first_code = workbook.get("People", SECOND_PERSON - 1, "编号")
    assert isinstance(first_code, str)
    workbook.set("People", SECOND_PERSON, "编号", first_code)
    return "People row 3, column code: duplicate code 'H01-1' (first used in row 2)"


def bad_time(workbook: EditableWorkbook) -> str:
    assert workbook.get("Schedule", FIRST_SHOWCASE, "环节") == "SC-12345"
    workbook.set("Schedule", FIRST_SHOWCASE, "开始时间", "2024-09-26 25:00")
    return (
        "Schedule row 10, column starts_at: "
        "'2024-09-26 25:00' is not a date and time (YYYY-MM-DD HH:MM)"
    )


def overlapping_slots(workbook: EditableWorkbook) -> str:
    # FI-12345 (row 7) runs 14:00-15:00 in the same hall.
    assert workbook.get("Schedule", FINAL_WINDOW - 1, "环节") == "FI-12345"
    assert workbook.get("Schedule", FINAL_WINDOW, "环节") == "FI-window"
    half_past_two = datetime(2024, 9, 27, 14, 30)  # noqa: DTZ001 - cells are wall-clock time
    workbook.set("Schedule", FINAL_WINDOW, "开始时间", half_past_two)
    return "Schedule row 8, column starts_at: overlaps row 7 in venue 'HALL1'"


def no_correct_option(workbook: EditableWorkbook) -> str:
    workbook.set("Questions", FIRST_QUESTION, "答案", None)
    return "Questions row 2, column answer: no correct option"


def unknown_question_type(workbook: EditableWorkbook) -> str:
    workbook.set("Questions", SECOND_QUESTION, "题型", "选择题")
    return (
        "Questions row 3, column type: "
        "'选择题' is unknown; expected one of: 单选、多选、填空、判断、简答、论述"
    )


def test_the_unedited_export_is_valid(workbook: EditableWorkbook) -> None:
    # The baseline every test below breaks in one place.
    assert all_problems(workbook.save()) == []


def test_a_missing_sheet_is_reported(workbook: EditableWorkbook) -> None:
    workbook.delete_sheet("Questions")
    problems = all_problems(workbook.save())
    assert problems == [Problem("the sheet is missing", {}, Sheet.QUESTIONS)]
    assert english(problems) == ["Questions: the sheet is missing"]
    assert chinese(problems) == ["Questions（题库）表：缺少该工作表"]


@pytest.mark.parametrize("spec", [CONTEST_FIELDS, *SHEETS], ids=lambda spec: spec.sheet.value)
def test_every_sheet_is_required(workbook: EditableWorkbook, spec: SheetSpec) -> None:
    name = spec.sheet.value
    workbook.delete_sheet(name)
    assert f"{name}: the sheet is missing" in english(all_problems(workbook.save()))


@pytest.mark.parametrize("sheet", ["Contest", "Venues", "Teams"])
def test_a_missing_sheet_is_said_once_not_again_for_every_reference_to_it(
    workbook: EditableWorkbook, sheet: str
) -> None:
    workbook.delete_sheet(sheet)
    assert english(all_problems(workbook.save())) == [f"{sheet}: the sheet is missing"]


def test_a_person_in_an_unknown_team_is_reported_with_sheet_row_and_column(
    workbook: EditableWorkbook,
) -> None:
    expected = unknown_team(workbook)
    problems = all_problems(workbook.save())
    assert [(p.sheet, p.row, p.column) for p in problems] == [(Sheet.PEOPLE, 17, "team")]
    assert english(problems) == [expected]


def test_an_unknown_team_is_described_in_chinese_with_the_chinese_column_title(
    workbook: EditableWorkbook,
) -> None:
    unknown_team(workbook)
    assert chinese(all_problems(workbook.save())) == [
        "People（人员）表第 17 行“参赛队”列：参赛队“X”不存在"
    ]


def test_a_duplicate_person_code_is_reported(workbook: EditableWorkbook) -> None:
    expected = duplicate_person(workbook)
    assert english(all_problems(workbook.save())) == [expected]


def test_a_bad_start_time_is_reported(workbook: EditableWorkbook) -> None:
    expected = bad_time(workbook)
    assert english(all_problems(workbook.save())) == [expected]


def test_an_appended_duplicate_is_reported_at_its_spreadsheet_row(
    workbook: EditableWorkbook,
) -> None:
    row = workbook.append("Venues", {"编号": "LOBBY", "名称": "第二报到处"})
    assert row == 8
    assert english(all_problems(workbook.save())) == [
        "Venues row 8, column code: duplicate code 'LOBBY' (first used in row 2)"
    ]


def test_slots_overlapping_in_one_venue_are_reported(workbook: EditableWorkbook) -> None:
    expected = overlapping_slots(workbook)
    assert english(all_problems(workbook.save())) == [expected]


def test_a_question_without_a_correct_option_is_reported(workbook: EditableWorkbook) -> None:
    expected = no_correct_option(workbook)
    problems = all_problems(workbook.save())
    assert english(problems) == [expected]
    assert chinese(problems) == ["Questions（题库）表第 2 行“答案”列：没有正确选项"]


def test_an_unknown_question_type_is_reported(workbook: EditableWorkbook) -> None:
    expected = unknown_question_type(workbook)
    assert english(all_problems(workbook.save())) == [expected]


def test_an_empty_option_column_keeps_the_letters_and_is_reported(
    workbook: EditableWorkbook,
) -> None:
    # Q001: options A-D, answer C is the third text; option B is left empty.
    third_option = workbook.get("Questions", FIRST_QUESTION, "选项C")
    workbook.set("Questions", FIRST_QUESTION, "选项B", None)
    workbook.set("Questions", FIRST_QUESTION, "答案", "C")
    draft, reading = read(workbook.save())
    question = draft.questions[0].item
    assert [question.options[i] for i in question.correct_options] == [third_option]
    assert english([*reading, *validate(draft)]) == [
        f"Questions row {FIRST_QUESTION}, column options: option B is empty"
    ]


BREAKAGES = (
    duplicate_person,
    unknown_team,
    overlapping_slots,
    bad_time,
    no_correct_option,
    unknown_question_type,
)


def test_every_error_of_a_workbook_is_listed(workbook: EditableWorkbook) -> None:
    expected = [breakage(workbook) for breakage in BREAKAGES]
    problems = all_problems(workbook.save())
    assert len(problems) == len(BREAKAGES)
    assert english(problems) == expected


async def _load(database: Database) -> ContestData:
    async with database.unit_of_work() as uow:
        loaded = await uow.contest.load()
    assert loaded is not None
    return loaded


def _ids(data: ContestData) -> list[list[int | None]]:
    groups = (data.venues, data.tracks, data.teams, data.people, data.rounds, data.slots)
    return [[item.id for item in group] for group in (*groups, data.questions)]


async def test_a_rejected_import_lists_every_error_and_leaves_the_database_as_it_was(
    database: Database, demo_export: Path, workbook: EditableWorkbook
) -> None:
    first = await import_contest(database.unit_of_work, *read(demo_export), views=BotViews())
    assert first.applied
    before = await _load(database)
    # A valid change too: had anything been written, the contest name would show it.
    workbook.set("Contest", 2, "内容", "改过的赛事名称")
    expected = [breakage(workbook) for breakage in BREAKAGES]

    result = await import_contest(database.unit_of_work, *read(workbook.save()), views=BotViews())

    assert not result.applied
    assert result.changes == {}
    assert len(result.problems) == len(BREAKAGES)
    assert english(result.problems) == expected
    after = await _load(database)
    assert after == before
    assert _ids(after) == _ids(before)


async def test_a_dry_run_reports_changes_but_writes_nothing(
    database: Database, demo_export: Path, workbook: EditableWorkbook
) -> None:
    await import_contest(database.unit_of_work, *read(demo_export), views=BotViews())
    before = await _load(database)
    workbook.set("Venues", 2, "名称", "新报到处")

    result = await import_contest(
        database.unit_of_work, *read(workbook.save()), dry_run=True, views=BotViews()
    )

    assert result.problems == []
    assert not result.applied
    assert result.changes[Sheet.VENUES].updated == 1
    assert await _load(database) == before


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("random.xlsx", lambda p: p.write_bytes(random.Random(7).randbytes(4096))),
        ("empty.xlsx", lambda p: p.write_bytes(b"")),
        ("zip.xlsx", _zip_without_workbook),
        ("broken.yaml", lambda p: p.write_text("Contest: [unclosed", encoding="utf-8")),
        ("scalar.yaml", lambda p: p.write_text("just some text", encoding="utf-8")),
        ("latin1.yaml", lambda p: p.write_bytes("Contest: {name: café}".encode("latin-1"))),
    ],
)
def test_an_unreadable_file_raises_unreadable_file_error(
    tmp_path: Path, name: str, write: Callable[[Path], object]
) -> None:
    path = tmp_path / name
    write(path)
    with pytest.raises(UnreadableFileError):
        read_document(path)


@pytest.mark.parametrize("name", ["contest.csv", "contest.xls", "contest.json", "contest"])
def test_an_unsupported_suffix_raises_unsupported_format_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"code,name\n")
    with pytest.raises(UnsupportedFormatError) as raised:
        read_document(path)
    assert raised.value.suffix == path.suffix
