"""`contest-bot questions export|import FILE`: the practice question bank on its own, on the
demo contest."""

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bot.domain.contest import ContestData
from bot.domain.questions import Question
from storage.database import Database
from tests.cli.conftest import Invoke
from tests.formats.workbooks import EditableWorkbook

Cli = Callable[[str], Invoke]
Q001, Q002, Q003, Q004 = 2, 3, 4, 5  # workbook rows of the first demo questions


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'contest.db'}"


@pytest.fixture
def run(cli: Cli, url: str) -> Invoke:
    """The CLI on a database holding the demo contest."""
    invoke = cli(url)
    assert invoke("demo", "load").exit_code == 0
    return invoke


@pytest.fixture
def exported(run: Invoke, tmp_path: Path) -> EditableWorkbook:
    """The demo question bank exported with `questions export`, ready to edit."""
    path = tmp_path / "questions.xlsx"
    done = run("questions", "export", str(path))
    assert done.exit_code == 0, done.output
    return EditableWorkbook(path, tmp_path / "edited.xlsx")


def stored(url: str) -> ContestData:
    async def load() -> ContestData | None:
        database = await Database.open(url)
        try:
            async with database.unit_of_work() as uow:
                return await uow.contest.load()
        finally:
            await database.close()

    data = asyncio.run(load())
    assert data is not None
    return data


def by_code(data: ContestData) -> dict[str, Question]:
    return {question.code: question for question in data.questions}


def test_the_export_holds_only_the_questions_sheet(run: Invoke, tmp_path: Path) -> None:
    done = run("questions", "export", "questions.xlsx")
    assert done.exit_code == 0, done.output
    assert "Exported 109 questions to questions.xlsx." in done.output
    assert load_workbook(tmp_path / "questions.xlsx").sheetnames == ["Questions"]


@pytest.mark.parametrize("name", ["questions.xlsx", "questions.yaml"])
def test_an_exported_bank_imports_back_with_nothing_changed(
    run: Invoke, url: str, name: str
) -> None:
    before = stored(url)
    assert run("questions", "export", name).exit_code == 0
    done = run("questions", "import", name)
    assert done.exit_code == 0, done.output
    assert "109 question(s), 0 changed" in done.output
    assert stored(url) == before


def test_an_edited_stem_updates_exactly_that_question(
    exported: EditableWorkbook, run: Invoke, url: str
) -> None:
    before = by_code(stored(url))
    assert exported.get("Questions", Q002, "编号") == "Q002"
    exported.set("Questions", Q002, "题干", "改写后的题干？")
    done = run("questions", "import", str(exported.save()))
    assert done.exit_code == 0, done.output
    assert "0 added, 1 updated, 0 removed, 108 unchanged" in done.output
    after = by_code(stored(url))
    assert after["Q002"].stem == "改写后的题干？"
    assert {code: q for code, q in after.items() if code != "Q002"} == {
        code: q for code, q in before.items() if code != "Q002"
    }


def test_questions_are_added_and_removed_by_code(
    exported: EditableWorkbook, run: Invoke, url: str
) -> None:
    exported.set("Questions", Q003, "编号", "Q999")
    done = run("questions", "import", str(exported.save()))
    assert done.exit_code == 0, done.output
    assert "1 added, 0 updated, 1 removed" in done.output
    codes = by_code(stored(url))
    assert "Q999" in codes
    assert "Q003" not in codes


def test_importing_the_bank_leaves_the_rest_of_the_contest_alone(
    exported: EditableWorkbook, run: Invoke, url: str
) -> None:
    before = stored(url)
    exported.set("Questions", Q002, "题干", "改写后的题干？")
    assert run("questions", "import", str(exported.save())).exit_code == 0
    after = stored(url)
    assert (after.contest, after.tracks, after.teams) == (
        before.contest,
        before.tracks,
        before.teams,
    )
    assert (after.people, after.rounds, after.slots) == (before.people, before.rounds, before.slots)


def test_every_problem_is_listed_with_its_row_and_nothing_is_saved(
    exported: EditableWorkbook, run: Invoke, url: str
) -> None:
    before = stored(url)
    exported.set("Questions", Q001, "答案", "E")  # a single choice among 4 options
    exported.set("Questions", Q003, "赛道", "nope")
    exported.set("Questions", Q004, "编号", "Q002")
    done = run("questions", "import", str(exported.save()))
    assert done.exit_code == 1
    assert "3 problems in" in done.output
    assert "Questions row 2, column answer: answer E is not among the options" in done.output
    assert "Questions row 4, column track: track 'nope' does not exist" in done.output
    assert (
        "Questions row 5, column code: duplicate code 'Q002' (first used in row 3)" in done.output
    )
    assert "Traceback" not in done.output
    assert stored(url) == before


def test_a_file_without_a_questions_sheet_is_refused(run: Invoke, tmp_path: Path) -> None:
    workbook = Workbook()
    assert workbook.active is not None
    workbook.active.title = "Tracks"
    workbook.save(tmp_path / "tracks.xlsx")
    done = run("questions", "import", "tracks.xlsx")
    assert done.exit_code == 1
    assert "Questions: the sheet is missing" in done.output


def test_a_dry_run_reports_the_changes_and_saves_nothing(
    exported: EditableWorkbook, run: Invoke, url: str
) -> None:
    before = stored(url)
    exported.set("Questions", Q002, "题干", "改写后的题干？")
    done = run("questions", "import", "--dry-run", str(exported.save()))
    assert done.exit_code == 0, done.output
    assert "Dry run" in done.output
    assert "1 updated" in done.output
    assert "nothing was saved" in done.output
    assert stored(url) == before


def test_a_whole_contest_workbook_imports_as_a_question_bank(run: Invoke) -> None:
    assert run("export", "contest.xlsx").exit_code == 0
    done = run("questions", "import", "contest.xlsx")
    assert done.exit_code == 0, done.output
    assert "0 changed" in done.output


@pytest.mark.parametrize("command", ["import", "export"])
def test_without_a_loaded_contest_there_is_no_question_bank(
    cli: Cli, exported: EditableWorkbook, tmp_path: Path, command: str
) -> None:
    empty = cli(f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    done = empty("questions", command, str(exported.save()))
    assert done.exit_code == 1
    assert "No contest is loaded yet. Try: contest-bot demo load" in done.output
    assert "Traceback" not in done.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "missing.xlsx"), "File not found: missing.xlsx"),
        (("import", "questions.csv"), "Unsupported file type '.csv'"),
        (("export", "questions.csv"), "Unsupported file type '.csv'"),
        (("export", "no/such/folder/questions.xlsx"), "Cannot write no/such/folder"),
    ],
)
def test_a_user_mistake_is_one_clear_line_and_exit_code_1(
    run: Invoke, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "questions.csv").write_text("a,b\n", encoding="utf-8")
    done = run("questions", *args)
    assert done.exit_code == 1
    assert message in done.output
    assert "Traceback" not in done.output


def test_the_commands_work_in_chinese(run: Invoke) -> None:
    assert run("questions", "export", "questions.xlsx", locale="zh-Hans").exit_code == 0
    assert run("questions", "import", "questions.xlsx", locale="zh-Hans").exit_code == 0


def test_problems_are_reported_in_chinese(exported: EditableWorkbook, run: Invoke) -> None:
    exported.set("Questions", Q003, "赛道", "nope")
    done = run("questions", "import", str(exported.save()), locale="zh-Hans")
    assert done.exit_code == 1
    assert "Questions（题库）" in done.output
    assert "赛道" in done.output
