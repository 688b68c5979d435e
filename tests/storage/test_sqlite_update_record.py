"""The record of handled updates on a SQLite file: one connection of its own, held open,
reopened after a close, and never keeping the process from exiting."""

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from storage.database import Database
from storage.handled_update_repository import SqliteUpdateRecord

NOW = datetime(2024, 9, 26, 8, 0, tzinfo=UTC)


async def opened(tmp_path: Path) -> tuple[Database, SqliteUpdateRecord]:
    database = await Database.open(f"sqlite+aiosqlite:///{tmp_path / 'contest.db'}")
    record = database.unit_of_work().handled_updates
    assert isinstance(record, SqliteUpdateRecord)
    return database, record


async def test_an_update_is_recorded_once(tmp_path: Path) -> None:
    database, record = await opened(tmp_path)
    try:
        assert (await record.record(7, NOW), await record.record(7, NOW)) == (True, False)
    finally:
        await database.close()


async def test_the_record_opens_again_after_a_close(tmp_path: Path) -> None:
    database, record = await opened(tmp_path)
    try:
        await record.record(7, NOW)
        await record.close()
        assert not await record.record(7, NOW)
        await record.forget(7)
        assert await record.record(7, NOW)
    finally:
        await database.close()


def test_a_record_left_open_does_not_hold_the_process_at_exit(tmp_path: Path) -> None:
    script = f"""
import asyncio
from datetime import UTC, datetime
from storage.database import Database

async def main() -> None:
    database = await Database.open("sqlite+aiosqlite:///{tmp_path / "contest.db"}")
    await database.unit_of_work().handled_updates.record(7, datetime.now(UTC))

asyncio.run(main())
print("done")
"""
    root = Path(__file__).resolve().parents[2]
    finished = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip() == "done"
