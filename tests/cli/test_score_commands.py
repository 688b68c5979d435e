"""`contest-bot scores import|template` and `results export` on the demo contest."""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner, Result

from bot.domain.audit import AuditAction, AuditEntry
from bot.domain.scoring.completeness import SCORED_KINDS
from bot.formats.scores_sheet import NOT_SCORED
from storage.database import Database
from tests.cli.conftest import Invoke

Cli = Callable[[str], Invoke]
Papers = dict[str, tuple[Decimal, Decimal | None]]


@pytest.fixture
def run(cli: Cli, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """The CLI with the score commands (whether or not app.py registers them yet), demo loaded."""

    def invoke(*args: str, locale: str = "en") -> Result:
        from bot.cli import score_commands
        from bot.cli.app import create_app
        from bot.cli.console import Console
        from bot.config import Settings

        monkeypatch.setenv("DATABASE_URL", database_url)
        monkeypatch.setenv("DEFAULT_LOCALE", locale)
        app = create_app()
        if not any(group.name == "scores" for group in app.registered_groups):
            score_commands.register(app, Console(Settings()))
        return CliRunner().invoke(app, list(args))

    assert cli(database_url)("demo", "load").exit_code == 0
    return invoke


def stored(url: str) -> tuple[Papers, list[AuditEntry]]:
    async def read() -> tuple[Papers, list[AuditEntry]]:
        database = await Database.open(url)
        try:
            async with database.unit_of_work() as uow:
                return await uow.scores.theory(), list(await uow.audit.entries())
        finally:
            await database.close()

    return asyncio.run(read())


def sheet(path: Path, *rows: tuple[Any, ...]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)  # type: ignore[union-attr]
    workbook.save(path)
    return path


def rows_of(path: Path, name: str) -> list[tuple[Any, ...]]:
    return list(load_workbook(path)[name].iter_rows(values_only=True))


def test_a_filled_in_template_imports_once(run: Invoke, database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "theory.xlsx"
    done = run("scores", "template", str(path))
    assert done.exit_code == 0, done.output
    assert "Wrote the theory sheet of 120 contestants" in done.output
    workbook = load_workbook(path)
    rows = workbook.active
    assert rows is not None
    headers = ["选手编号 code", "姓名 name", "理论成绩 theory", "论文得分 essay"]
    assert [c.value for c in rows[1]] == headers
    assert rows.max_row == 121
    assert rows["A2"].value == "H01-1"
    rows["C2"], rows["D2"] = 88.5, 12
    rows["C3"] = 91.25
    rows["C4"] = "75"
    workbook.save(path)

    done = run("scores", "import", str(path))
    assert done.exit_code == 0, done.output
    assert "Read 3 theory scores from" in done.output
    assert "; 3 changed." in done.output
    papers, trail = stored(database_url)
    assert papers == {
        "H01-1": (Decimal("88.5"), Decimal(12)),
        "H01-2": (Decimal("91.25"), None),
        "H01-3": (Decimal(75), None),
    }
    imported = [e.subject for e in trail if e.action is AuditAction.THEORY_IMPORTED]
    assert imported == ["theory:H01-1", "theory:H01-2", "theory:H01-3"]

    again = run("scores", "import", str(path))
    assert again.exit_code == 0, again.output
    assert "; 0 changed." in again.output
    assert len(stored(database_url)[1]) == len(trail)


def test_every_problem_is_listed_with_its_row_and_nothing_is_imported(
    run: Invoke, database_url: str, tmp_path: Path
) -> None:
    path = sheet(
        tmp_path / "bad.xlsx",
        ("选手编号", "理论成绩", "论文得分"),
        ("H01-1", 80, None),
        ("H01-2", 101, None),
        ("H01-1", 70, None),
        ("H01-3", 88.125, None),
        (None, None, None),
        ("H02-1", "abc", 5),
        ("H99-1", 60, None),
        ("H01-L", 60, None),
        ("H02-2", None, 7),
        ("H02-3", "1e30", None),
    )
    done = run("scores", "import", str(path))
    assert done.exit_code == 1
    assert "8 problems in" in done.output
    assert "nothing was imported" in done.output
    for line in (
        "row 3: the score 101 is not between 0 and 100",
        "row 4: H01-1 appears again (first in row 2)",
        "row 5: the score 88.125 has more than two decimals",
        "row 7: 'abc' is not a number",
        "row 8: H99-1 is not a contestant of this contest.",
        "row 9: H01-L is not a contestant of this contest.",
        "row 10: the theory score is missing",
        "row 11: the score 1e30 is not between 0 and 100",
    ):
        assert line in done.output
    assert stored(database_url) == ({}, [])


def test_english_headers_in_any_case_and_order_work(
    run: Invoke, database_url: str, tmp_path: Path
) -> None:
    path = sheet(
        tmp_path / "exam.xlsx",
        (" Essay ", "Name", "THEORY", "Person Code"),
        (10.5, "someone", 60, "h02-1"),
        (None, "someone else", 99.99, "H02-2"),
    )
    done = run("scores", "import", str(path))
    assert done.exit_code == 0, done.output
    assert stored(database_url)[0] == {
        "H02-1": (Decimal(60), Decimal("10.5")),
        "H02-2": (Decimal("99.99"), None),
    }


def test_a_sheet_without_the_required_columns_is_refused(run: Invoke, tmp_path: Path) -> None:
    done = run("scores", "import", str(sheet(tmp_path / "x.xlsx", ("code", "score"))))
    assert done.exit_code == 1
    assert "row 1: the required column '理论成绩 theory' is missing" in done.output


def test_a_file_that_is_not_a_workbook_is_one_clear_line(run: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "scores.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    done = run("scores", "import", str(path))
    assert done.exit_code == 1
    assert f"Cannot read {path}" in done.output
    assert "Traceback" not in done.output


SHEETS = ["Individuals", "Teams", "Theory", "Showcase", "Arena", "Awards", "Certificates"]


def complete_the_contest(url: str, publish: bool = True) -> None:
    """Every input of every scored round: a paper for each contestant, each judge's score for
    each team (team n gets 70 + n / 2), a right buzzer answer per team; then publishes."""

    async def fill() -> None:
        from bot.domain.enums import Role, RoundKind
        from bot.domain.snapshot import ContestSnapshot

        now = datetime(2024, 9, 26, 12, tzinfo=UTC)
        database = await Database.open(url)
        try:
            async with database.unit_of_work() as uow:
                data = await uow.contest.load()
                assert data is not None
                snapshot = ContestSnapshot.build(data, revision=0)
                people = snapshot.data.people
                contestants = [p.code for p in people if p.role is Role.CONTESTANT]
                papers = {code: (Decimal(60) + i % 30, None) for i, code in enumerate(contestants)}
                await uow.scores.set_theory(papers, now)
                judges = [p.code for p in people if p.role is Role.JUDGE]
                for round_ in snapshot.data.rounds:
                    teams = [s.team_code for s in snapshot.round_slots.get(round_.code, ())
                             if s.team_code]  # fmt: skip
                    if round_.kind is RoundKind.SHOWCASE:
                        for n, team in enumerate(teams):
                            for judge in judges:
                                score = Decimal(70) + Decimal(n) / 2
                                await uow.scores.set_showcase(round_.code, team, judge, score, now)
                    elif round_.kind is RoundKind.ARENA_PRELIMINARY:
                        for team in teams:
                            await uow.arena.add(round_.code, team, "buzz", "correct", None, None,
                                                now)  # fmt: skip
                    if publish and round_.kind in SCORED_KINDS:
                        await uow.publications.publish(round_.code, 1, "ORG1", now)
                await uow.commit()
        finally:
            await database.close()

    asyncio.run(fill())


def test_the_draft_ranks_only_the_scored_and_marks_every_sheet(run: Invoke, tmp_path: Path) -> None:
    scores = tmp_path / "theory.xlsx"
    sheet(scores, ("code", "theory"), ("H01-1", 50), ("H03-2", 90), ("W01-1", 70))
    assert run("scores", "import", str(scores)).exit_code == 0
    path = tmp_path / "results.xlsx"
    done = run("results", "export", "--draft", str(path))
    assert done.exit_code == 0, done.output
    assert "Wrote the draft results" in done.output
    assert "120 contestants, 40 teams" in done.output
    assert "Scored: 3 of 120 contestants, 3 of 40 teams." in done.output
    names = [f"{name} 草稿 DRAFT" for name in SHEETS]
    workbook = load_workbook(path)
    assert workbook.sheetnames == names
    for name in names:
        assert str(workbook[name]["A1"].value).startswith("草稿 DRAFT")

    individuals = rows_of(path, names[0])[2:]
    assert len(individuals) == 120
    top = individuals[0]
    assert (*top[:3], top[5], top[7]) == ("12345", 1, "H03-2", 90, 27)
    assert individuals[1][1:3] == (2, "H01-1")
    assert {row[1] for row in individuals[2:60]} == {NOT_SCORED}  # the 57 without a paper
    assert next(row[1:3] for row in individuals if row[0] == "window") == (1, "W01-1")
    teams = rows_of(path, names[1])[2:]
    assert [(row[1], row[2]) for row in teams[:2]] == [(1, "H03"), (2, "H01")]
    assert teams[2][1] == NOT_SCORED
    assert workbook[names[0]]["H3"].number_format == "0.00"
    assert rows_of(path, names[5])[2:] == []  # no awards from an incomplete contest
    assert rows_of(path, names[6])[2:] == []


def test_on_the_demo_with_no_scores_the_export_lists_no_awards_or_certificates(
    run: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "results.xlsx"
    done = run("results", "export", str(path))
    assert done.exit_code == 0, done.output
    assert "Wrote the published results" in done.output
    assert "No awards or certificates" in done.output
    assert "SC-12345: 0 of 20 scored, not published" in done.output
    assert "AR-12345: 0 of 20 scored, not published" in done.output
    assert load_workbook(path).sheetnames == SHEETS
    assert str(load_workbook(path)["Individuals"]["A1"].value).startswith("成绩 已公布")
    assert {row[1] for row in rows_of(path, "Individuals")[2:]} == {NOT_SCORED}
    assert rows_of(path, "Awards")[2:] == []
    assert rows_of(path, "Certificates")[2:] == []


def test_the_export_names_what_holds_the_awards_back_in_chinese(
    run: Invoke, tmp_path: Path
) -> None:
    done = run("results", "export", str(tmp_path / "results.xlsx"), locale="zh-Hans")
    assert "暂无奖项和证书" in done.output
    assert "SC-12345: 已计分 0 / 20, 未公布" in done.output


def test_unpublished_scores_stay_out_of_the_published_results(
    run: Invoke, database_url: str, tmp_path: Path
) -> None:
    complete_the_contest(database_url, publish=False)
    path = tmp_path / "results.xlsx"
    done = run("results", "export", str(path))
    assert "Scored: 0 of 120 contestants, 0 of 40 teams." in done.output
    assert "not published" in done.output
    assert rows_of(path, "Awards")[2:] == []


def test_a_complete_published_contest_has_awards_and_certificates(
    run: Invoke, database_url: str, tmp_path: Path
) -> None:
    complete_the_contest(database_url)
    path = tmp_path / "results.xlsx"
    done = run("results", "export", str(path))
    assert done.exit_code == 0, done.output
    assert "Scored: 120 of 120 contestants, 40 of 40 teams." in done.output
    assert "No awards" not in done.output
    teams = rows_of(path, "Teams")[2:]
    for track in ("12345", "window"):
        ranks = [row[1] for row in teams if row[0] == track]
        assert ranks == sorted(ranks)
        assert len(ranks) == 20
    best = teams[0]
    awards = rows_of(path, "Awards")[2:]
    first_prizes = [str(row[3]) for row in awards if row[0] == "团体一等奖 team first prize"]
    assert any(who.startswith(f"{best[2]} ") for who in first_prizes)
    individuals = rows_of(path, "Individuals")[2:]
    top = individuals[0]
    assert ("个人奖 individual award", top[0], 1, f"{top[2]} {top[3]}") in awards
    certificates = rows_of(path, "Certificates")[2:]
    team_names = {row[2]: row[3] for row in teams}
    award = (top[3], team_names[top[4]], "个人奖 individual award", "12345政务服务热线")
    assert award in certificates


def test_a_complete_draft_has_its_awards_marked_as_a_draft(
    run: Invoke, database_url: str, tmp_path: Path
) -> None:
    complete_the_contest(database_url, publish=False)
    path = tmp_path / "results.xlsx"
    done = run("results", "export", "--draft", str(path))
    assert "No awards" not in done.output
    awards = rows_of(path, "Awards 草稿 DRAFT")
    assert str(awards[0][0]).startswith("草稿 DRAFT")
    assert len(awards) > 2
