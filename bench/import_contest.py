"""How long the organizer waits: reading, importing, re-importing and exporting a contest.

Usage (from the repository root):
    python -m bench.import_contest [--scale N] [--postgres URL] [--repeat R]
    python -m bench.import_contest --bomb
--scale multiplies the demo's teams, people and running orders (N=1 is the real size: 40 teams,
172 people, 88 slots, 109 questions). Prints the median of R runs for each step on SQLite and,
if given, PostgreSQL (whose database is emptied first: use a scratch database).
--bomb reads the workbook bomb of the tests (about 5 MB: a People sheet whose `<dimension>`
claims two rows and that holds 700,000) in a fresh process, and prints what reading it took
and the process's peak memory; it should be refused within 10 s and 500 MB.
"""

import argparse
import asyncio
import multiprocessing
import resource
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from bot.demo.contest import demo_document
from bot.domain.contest import ContestData, Person, Slot, Team
from bot.domain.validation import validate
from bot.formats.export import to_document
from bot.formats.files import read_document, write_document
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.services.contest_import import import_contest
from bot.views import BotViews
from storage.database import Database
from storage.engine import create_engine


def scaled(data: ContestData, scale: int) -> ContestData:
    """Copies every team with its people and slots, shifted to later days so nothing overlaps."""
    teams: list[Team] = list(data.teams)
    people: list[Person] = list(data.people)
    slots: list[Slot] = list(data.slots)
    for copy in range(1, scale):
        suffix = f"x{copy}"
        teams += [replace(t, code=t.code + suffix) for t in data.teams]
        people += [
            replace(p, code=p.code + suffix, team_code=p.team_code + suffix, invite_code=None)
            for p in data.people
            if p.team_code
        ]
        slots += [
            replace(
                s,
                team_code=s.team_code + suffix,
                position=s.position + 100 * copy,
                starts_at=s.starts_at + timedelta(days=3 * copy),
            )
            for s in data.slots
            if s.team_code
        ]
    return replace(data, teams=tuple(teams), people=tuple(people), slots=tuple(slots))


async def timed(
    step: Callable[[], Awaitable[object]],
    repeat: int,
    setup: Callable[[], Awaitable[object]] | None = None,
) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            await setup()
        start = time.perf_counter()
        await step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def empty_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def bench_database(name: str, url: str, files: dict[str, Path], repeat: int) -> None:
    draft, problems = parse_document(read_document(files[".yaml"]))
    database = await Database.open(url)
    try:

        async def empty() -> None:
            async with database.unit_of_work() as uow:
                await uow.contest.replace(replace(draft.to_data(), people=(), slots=()))
                await uow.commit()

        async def first_import() -> None:
            await import_contest(database.unit_of_work, draft, problems, views=BotViews())

        async def reimport() -> None:
            await import_contest(database.unit_of_work, draft, problems, views=BotViews())

        async def export() -> None:
            async with database.unit_of_work() as uow:
                loaded = await uow.contest.load()
            assert loaded is not None
            write_document(to_document(loaded), files[".xlsx"].with_suffix(".out.xlsx"))

        steps = (
            ("import, people and slots new", first_import, empty),
            ("re-import, nothing changed", reimport, None),
            ("load + export .xlsx", export, None),
        )
        for label, step, setup in steps:
            print(f"{name}: {label:30} {await timed(step, repeat, setup):.3f} s")
    finally:
        await database.close()


def read_bomb(path: Path) -> tuple[float, float, list[str]]:
    """Seconds, peak resident megabytes (this process, Linux) and the problems reported."""
    from bot.domain.enums import Locale
    from bot.formats.problem_text import describe

    start = time.perf_counter()
    _, problems = parse_document(read_document(path))
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return elapsed, peak, [describe(problem, Locale.EN) for problem in problems]


def bench_bomb() -> None:
    from tests.formats.parts import write_bomb

    draft, _ = parse_document(document_from_mapping(demo_document()))
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "demo.xlsx"
        write_document(to_document(draft.to_data()), source)
        bomb = write_bomb(source, Path(scratch) / "bomb.xlsx")
        print(f"bomb: {bomb.stat().st_size / 1024 / 1024:.1f} MB")
        # A fresh process, so the peak memory is the reading's alone, not the writing's.
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            elapsed, peak, problems = pool.apply(read_bomb, (bomb,))
    print(f"read + parse: {elapsed:.2f} s, peak memory {peak:.0f} MB")
    for problem in problems:
        print(f"  - {problem}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--postgres")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bomb", action="store_true")
    args = parser.parse_args()
    if args.bomb:
        bench_bomb()
        return
    draft, _ = parse_document(document_from_mapping(demo_document()))
    data = scaled(draft.to_data(), args.scale)
    print(
        f"contest: {len(data.teams)} teams, {len(data.people)} people, "
        f"{len(data.slots)} slots, {len(data.questions)} questions"
    )
    with tempfile.TemporaryDirectory() as scratch:
        files = {suffix: Path(scratch) / f"contest{suffix}" for suffix in (".xlsx", ".yaml")}
        for suffix, path in files.items():
            write_document(to_document(data), path)

            async def read(path: Path = path) -> object:
                read_draft, read_problems = parse_document(read_document(path))
                assert read_problems == validate(read_draft) == []
                return read_draft

            print(f"read + validate {suffix:5} {await timed(read, args.repeat):.3f} s")
        sqlite = f"sqlite+aiosqlite:///{scratch}/bench.db"
        await bench_database("sqlite", sqlite, files, args.repeat)
        if args.postgres:
            await empty_postgres(args.postgres)
            await bench_database("postgres", args.postgres, files, args.repeat)


if __name__ == "__main__":
    asyncio.run(main())
