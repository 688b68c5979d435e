"""`contest-bot audit`: the trail verifies, tampering is named, the notary gets a workbook."""

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from storage.database import Database
from tests.cli.conftest import Invoke

Cli = Callable[[str], Invoke]


@pytest.fixture
def audited(cli: Cli, database_url: str) -> Invoke:
    """The demo contest after a draw (two entries) and a broadcast (one)."""
    run = cli(database_url)
    assert run("demo", "load").exit_code == 0
    for stage in ("commit", "reveal"):
        assert run("draw", stage, "SC-12345").exit_code == 0
    assert run("broadcast", "--to", "judges", "--text", "评委请到三楼").exit_code == 0
    return run


def tamper(url: str, statement: str) -> None:
    async def edit() -> None:
        database = await Database.open(url)
        try:
            async with database.engine.begin() as connection:
                await connection.execute(text(statement))
        finally:
            await database.close()

    asyncio.run(edit())


def test_an_untouched_trail_verifies(audited: Invoke) -> None:
    done = audited("audit", "verify")
    assert done.exit_code == 0
    assert "OK: 3 entries, every link intact." in done.output


def test_editing_an_entry_in_the_database_is_named(audited: Invoke, database_url: str) -> None:
    tamper(database_url, "UPDATE audit_log SET actor = 'ORG1' WHERE sequence = 2")
    done = audited("audit", "verify")
    assert done.exit_code == 1
    assert "BROKEN at entry 2: entry 2 was changed after it was written" in done.output


def test_deleting_an_entry_is_named(audited: Invoke, database_url: str) -> None:
    tamper(database_url, "DELETE FROM audit_log WHERE sequence = 2")
    done = audited("audit", "verify")
    assert done.exit_code == 1
    assert "BROKEN at entry 2: entry 2 is missing" in done.output


def test_the_export_has_one_row_per_entry_with_its_hash(audited: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    assert audited("audit", "export", str(path)).exit_code == 0
    rows = list(load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert [row[3] for row in rows[1:]] == ["draw_committed", "draw_revealed", "broadcast_sent"]
    assert all(len(str(row[9])) == 64 for row in rows[1:])


def test_a_score_edited_in_the_database_is_named_by_its_row(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    run = cli(database_url)
    assert run("demo", "load").exit_code == 0
    sheet = tmp_path / "theory.xlsx"
    assert run("scores", "template", str(sheet)).exit_code == 0
    workbook = load_workbook(sheet)
    workbook.active["C2"] = 88  # type: ignore[index]
    workbook.save(sheet)
    assert run("scores", "import", str(sheet)).exit_code == 0
    assert run("audit", "verify").exit_code == 0
    code = workbook.active["A2"].value  # type: ignore[index]
    tamper(database_url, f"UPDATE theory_scores SET hundredths = 9900 WHERE person_code = '{code}'")
    done = run("audit", "verify")
    assert done.exit_code == 1
    assert f"MISMATCH: theory:{code} is 99.00/None in the database" in done.output


def head_hash(audited: Invoke) -> str:
    output = audited("audit", "verify").output
    return output.rsplit("Latest hash: ", 1)[1].strip()


def test_the_head_written_down_anchors_the_trail(audited: Invoke) -> None:
    head = head_hash(audited)
    done = audited("audit", "verify", "--expect", head[:16])
    assert done.exit_code == 0
    assert f"ANCHORED: entry 3 has the expected hash {head}." in done.output


def test_a_trail_emptied_with_its_scores_is_caught_by_the_anchor(
    audited: Invoke, database_url: str
) -> None:
    head = head_hash(audited)
    tamper(database_url, "DELETE FROM audit_log")
    assert audited("audit", "verify").exit_code == 0  # the chain alone cannot tell
    done = audited("audit", "verify", "--expect", head[:8])
    assert done.exit_code == 1
    assert f"NOT FOUND: none of the 0 entries has a hash beginning with {head[:8]}" in done.output


def test_a_trail_cut_short_is_caught_by_the_anchor(audited: Invoke, database_url: str) -> None:
    head = head_hash(audited)
    tamper(database_url, "DELETE FROM audit_log WHERE sequence = 3")  # the chain still holds
    done = audited("audit", "verify", "--expect", head)
    assert done.exit_code == 1
    assert "NOT FOUND: none of the 2 entries" in done.output


@pytest.mark.parametrize("expected", ["1234567", "not-a-hash", "g" * 16, "a" * 65])
def test_an_expected_hash_that_is_no_hash_is_refused(audited: Invoke, expected: str) -> None:
    done = audited("audit", "verify", "--expect", expected)
    assert done.exit_code == 1
    assert "--expect takes a hash written down earlier, 8 to 64 hex digits" in done.output


def test_an_arena_event_added_in_the_database_is_named(audited: Invoke, database_url: str) -> None:
    tamper(database_url, "INSERT INTO arena_events (round_code, team_code, kind, outcome, at, "
                         "undone) VALUES ('AR-12345', 'H14', 'buzz', 'correct', "
                         "'2024-09-26 06:00:00', FALSE)")  # fmt: skip
    done = audited("audit", "verify")
    assert done.exit_code == 1
    assert "MISMATCH: arena:AR-12345:1 is kind=buzz outcome=correct team=H14" in done.output


def test_the_export_ends_with_the_head_to_write_down(audited: Invoke, tmp_path: Path) -> None:
    head = head_hash(audited)
    path = tmp_path / "audit.xlsx"
    done = audited("audit", "export", str(path))
    assert f"Latest hash (entry 3): {head}" in done.output
    anchor = {row[0]: row[1] for row in load_workbook(path)["Anchor"].iter_rows(values_only=True)}
    assert anchor == {
        "条目数 entries": 3, "最新序号 head sequence": 3, "最新哈希 head hash": head,
        "核对 check": f"contest-bot audit verify --expect {head}",
    }  # fmt: skip
