"""Importing a contest: all or nothing, re-import by natural keys, invite codes kept."""

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.domain.accounts import Account
from bot.domain.audit import AuditAction
from bot.domain.changes import Holding
from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft, Located
from bot.domain.problems import Problem, Sheet
from bot.services.audit import check, record
from bot.services.audit_verify import reconcile
from bot.services.contest_import import import_contest
from bot.views import BotViews
from storage.database import Database
from storage.models import Base

Parsed = tuple[ContestDraft, list[Problem]]


async def _stored(database: Database) -> ContestData | None:
    async with database.unit_of_work() as uow:
        return await uow.contest.load()


async def test_a_valid_draft_is_imported_with_every_row_added(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    result = await import_contest(database.unit_of_work, draft, problems, views=BotViews())
    assert result.applied
    assert result.problems == []
    assert result.changes[Sheet.PEOPLE].added == 172
    stored = await _stored(database)
    assert stored is not None
    assert len(stored.slots) == len(draft.slots)


async def test_everyone_gets_an_invite_code_on_first_import(
    database: Database, demo_parsed: Parsed
) -> None:
    await import_contest(database.unit_of_work, *demo_parsed, views=BotViews())
    stored = await _stored(database)
    assert stored is not None
    codes = [person.invite_code for person in stored.people]
    assert None not in codes
    assert len(set(codes)) == len(codes)


async def test_importing_the_same_file_again_changes_nothing_and_keeps_codes(
    database: Database, demo_parsed: Parsed
) -> None:
    await import_contest(database.unit_of_work, *demo_parsed, views=BotViews())
    first = await _stored(database)
    result = await import_contest(database.unit_of_work, *demo_parsed, views=BotViews())
    assert all(c.added == c.updated == c.removed == 0 for c in result.changes.values())
    assert await _stored(database) == first


async def test_a_draft_with_problems_writes_nothing(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, _ = demo_parsed
    await import_contest(database.unit_of_work, *demo_parsed, views=BotViews())
    before = await _stored(database)
    lost = replace(draft.people[0].item, team_code="X")
    broken = replace(draft, people=[Located(lost, 2), *draft.people[1:]])
    renamed = replace(broken, contest=replace(draft.contest, name="改名"))  # type: ignore[type-var]
    result = await import_contest(database.unit_of_work, renamed, [], views=BotViews())
    assert not result.applied
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [(Sheet.PEOPLE, 2, "team")]
    assert await _stored(database) == before


async def test_problems_found_while_reading_also_block_the_import(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, _ = demo_parsed
    reading = [Problem("the sheet is missing", {}, Sheet.QUESTIONS)]
    result = await import_contest(database.unit_of_work, draft, reading, views=BotViews())
    assert result.problems == reading
    assert await _stored(database) is None


async def test_a_dry_run_reports_the_changes_but_saves_nothing(
    database: Database, demo_parsed: Parsed
) -> None:
    result = await import_contest(
        database.unit_of_work, *demo_parsed, dry_run=True, views=BotViews()
    )
    assert not result.applied
    assert result.changes[Sheet.TEAMS].added == 40
    assert await _stored(database) is None


# The import guard: a file of another contest replaces the loaded one only when asked.

ANOTHER = "2025年全省营商环境技能竞赛"
NOW = datetime(2024, 9, 26, 1, 0, tzinfo=UTC)


def another_contest(draft: ContestDraft) -> ContestDraft:
    assert draft.contest is not None
    return replace(draft, contest=replace(draft.contest, name=ANOTHER))


async def rows(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in key order: the database's whole content."""
    async with database.engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in await connection.execute(
                    select(table).order_by(*table.primary_key.columns)
                )
            ]
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
async def in_use(database: Database, demo_parsed: Parsed) -> Database:
    """The demo contest imported, one contestant joined, a showcase score given."""
    await import_contest(database.unit_of_work, *demo_parsed, views=BotViews())
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
        assert data is not None
        person = next(p for p in data.people if p.code == "H07-1")
        await uow.accounts.save(Account(5001, 5001, NOW, person.id, None))
        await uow.scores.set_showcase("SC-12345", "H07", "J1", Decimal("91.50"), NOW)
        await record(uow, NOW, "J1", AuditAction.SCORE_ENTERED, "showcase:SC-12345:H07:J1",
                     after={"score": "91.50"})  # fmt: skip
        await uow.commit()
    return database


async def test_a_file_of_another_contest_is_refused_and_changes_no_row(
    in_use: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    before = await rows(in_use)
    result = await import_contest(
        in_use.unit_of_work, another_contest(draft), problems, views=BotViews()
    )
    assert result.refused
    assert not result.applied
    assert await rows(in_use) == before


@pytest.mark.parametrize("dry_run", [False, True])
async def test_the_refusal_names_both_contests_and_what_replacing_would_remove(
    in_use: Database, demo_parsed: Parsed, dry_run: bool
) -> None:
    draft, problems = demo_parsed
    result = await import_contest(
        in_use.unit_of_work, another_contest(draft), problems, dry_run=dry_run, views=BotViews()
    )
    assert result.replacement is not None
    assert (result.replacement.loaded, result.replacement.incoming) == (draft.contest.name, ANOTHER)  # type: ignore[union-attr]
    removed = result.replacement.removed
    assert (removed[Holding.TEAMS], removed[Holding.PEOPLE]) == (40, 172)
    assert (removed[Holding.ACCOUNTS], removed[Holding.SCORES]) == (1, 1)
    assert removed[Holding.QUESTIONS] == len(draft.questions)


async def test_a_dry_run_of_a_replacement_shows_it_and_changes_no_row(
    in_use: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    before = await rows(in_use)
    result = await import_contest(
        in_use.unit_of_work,
        another_contest(draft),
        problems,
        dry_run=True,
        replace_loaded=True,
        views=BotViews(),
    )
    assert not result.refused
    assert not result.applied
    assert result.replacement is not None
    assert await rows(in_use) == before


async def test_replacing_removes_the_old_contests_people_and_results(
    in_use: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    loaded = await _stored(in_use)
    assert loaded is not None
    old_codes = {p.invite_code for p in loaded.people}
    result = await import_contest(
        in_use.unit_of_work, another_contest(draft), problems, replace_loaded=True, views=BotViews()
    )
    assert result.applied
    assert not result.refused
    async with in_use.unit_of_work() as uow:
        stored = await uow.contest.load()
        assert stored is not None
        assert stored.contest.name == ANOTHER
        assert await uow.accounts.bound() == []  # the same codes are other people now
        assert await uow.scores.showcase("SC-12345") == {}
    assert not old_codes & {p.invite_code for p in stored.people}


async def test_replacing_keeps_the_audit_trail_and_records_itself_in_the_chain(
    in_use: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    await import_contest(
        in_use.unit_of_work, another_contest(draft), problems, replace_loaded=True, views=BotViews()
    )
    async with in_use.unit_of_work() as uow:
        entries = await uow.audit.entries()
        chain, _ = await check(uow)
    assert [e.action for e in entries] == [AuditAction.SCORE_ENTERED, AuditAction.CONTEST_REPLACED]
    replaced = entries[-1]
    assert replaced.before is not None
    assert replaced.after is not None
    assert (replaced.before["name"], replaced.after["name"]) == (draft.contest.name, ANOTHER)  # type: ignore[union-attr]
    assert replaced.before["scores"] == 1
    assert chain.ok


async def test_after_a_replacement_the_removed_scores_are_no_mismatch_with_the_trail(
    in_use: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    await import_contest(
        in_use.unit_of_work, another_contest(draft), problems, replace_loaded=True, views=BotViews()
    )
    async with in_use.unit_of_work() as uow:
        assert await reconcile(uow) == []


async def test_reimporting_the_same_contest_needs_no_replace_and_keeps_everything(
    in_use: Database, demo_parsed: Parsed
) -> None:
    result = await import_contest(in_use.unit_of_work, *demo_parsed, views=BotViews())
    assert result.applied
    assert result.replacement is None
    async with in_use.unit_of_work() as uow:
        assert len(await uow.accounts.bound()) == 1
        assert await uow.scores.showcase("SC-12345") == {"H07": {"J1": Decimal("91.50")}}
