"""Importing a contest: all or nothing, re-import by natural keys, invite codes kept."""

from dataclasses import replace

from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft, Located
from bot.domain.problems import Problem, Sheet
from bot.services.contest_import import import_contest
from storage.database import Database

Parsed = tuple[ContestDraft, list[Problem]]


async def _stored(database: Database) -> ContestData | None:
    async with database.unit_of_work() as uow:
        return await uow.contest.load()


async def test_a_valid_draft_is_imported_with_every_row_added(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    result = await import_contest(database.unit_of_work, draft, problems)
    assert result.applied
    assert result.problems == []
    assert result.changes[Sheet.PEOPLE].added == 172
    stored = await _stored(database)
    assert stored is not None
    assert len(stored.slots) == len(draft.slots)


async def test_everyone_gets_an_invite_code_on_first_import(
    database: Database, demo_parsed: Parsed
) -> None:
    await import_contest(database.unit_of_work, *demo_parsed)
    stored = await _stored(database)
    assert stored is not None
    codes = [person.invite_code for person in stored.people]
    assert None not in codes
    assert len(set(codes)) == len(codes)


async def test_importing_the_same_file_again_changes_nothing_and_keeps_codes(
    database: Database, demo_parsed: Parsed
) -> None:
    await import_contest(database.unit_of_work, *demo_parsed)
    first = await _stored(database)
    result = await import_contest(database.unit_of_work, *demo_parsed)
    assert all(c.added == c.updated == c.removed == 0 for c in result.changes.values())
    assert await _stored(database) == first


async def test_a_draft_with_problems_writes_nothing(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, _ = demo_parsed
    await import_contest(database.unit_of_work, *demo_parsed)
    before = await _stored(database)
    lost = replace(draft.people[0].item, team_code="X")
    broken = replace(draft, people=[Located(lost, 2), *draft.people[1:]])
    renamed = replace(broken, contest=replace(draft.contest, name="改名"))  # type: ignore[type-var]
    result = await import_contest(database.unit_of_work, renamed, [])
    assert not result.applied
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [(Sheet.PEOPLE, 2, "team")]
    assert await _stored(database) == before


async def test_problems_found_while_reading_also_block_the_import(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, _ = demo_parsed
    reading = [Problem("the sheet is missing", {}, Sheet.QUESTIONS)]
    result = await import_contest(database.unit_of_work, draft, reading)
    assert result.problems == reading
    assert await _stored(database) is None


async def test_a_dry_run_reports_the_changes_but_saves_nothing(
    database: Database, demo_parsed: Parsed
) -> None:
    result = await import_contest(database.unit_of_work, *demo_parsed, dry_run=True)
    assert not result.applied
    assert result.changes[Sheet.TEAMS].added == 40
    assert await _stored(database) is None
