"""Replacing the question bank of the loaded contest: by code, all or nothing, nothing else."""

from dataclasses import replace

import pytest

from bot.domain.changes import Changes
from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft, Located
from bot.domain.problems import Problem, Sheet
from bot.domain.questions import Question
from bot.services.contest_import import import_contest
from bot.services.question_bank import NoContestError, import_questions
from bot.views import BotViews
from storage.database import Database

Parsed = tuple[ContestDraft, list[Problem]]


async def _stored(database: Database) -> ContestData:
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return data


async def _revision(database: Database) -> int | None:
    async with database.unit_of_work() as uow:
        return await uow.contest.revision()


@pytest.fixture
async def loaded(database: Database, demo_parsed: Parsed) -> list[Located[Question]]:
    """The demo contest is stored; returns its questions as read from the file."""
    result = await import_contest(database.unit_of_work, *demo_parsed, views=BotViews())
    assert result.applied
    return list(demo_parsed[0].questions)


def _edited(questions: list[Located[Question]]) -> list[Located[Question]]:
    """The first question reworded, the second gone, a new one at the end."""
    first, _, *rest = questions
    reworded = Located(replace(first.item, stem="改写后的题干？"), first.row)
    added = Located(replace(first.item, code="NEW1"), rest[-1].row + 1)
    return [reworded, *rest, added]


async def test_questions_are_added_updated_and_removed_by_code(
    database: Database, loaded: list[Located[Question]]
) -> None:
    result = await import_questions(database.unit_of_work, _edited(loaded), [])
    assert result.applied
    assert result.changes == {Sheet.QUESTIONS: Changes(1, 1, 1, len(loaded) - 2)}
    stored = {question.code: question for question in (await _stored(database)).questions}
    assert stored[loaded[0].item.code].stem == "改写后的题干？"
    assert loaded[1].item.code not in stored
    assert "NEW1" in stored


async def test_the_rest_of_the_contest_is_untouched(
    database: Database, loaded: list[Located[Question]]
) -> None:
    before = await _stored(database)
    await import_questions(database.unit_of_work, _edited(loaded), [])
    after = await _stored(database)
    assert replace(after, questions=before.questions) == before


async def test_a_change_moves_the_revision_so_the_running_bot_reloads(
    database: Database, loaded: list[Located[Question]]
) -> None:
    before = await _revision(database)
    await import_questions(database.unit_of_work, loaded, [])
    assert await _revision(database) == before
    await import_questions(database.unit_of_work, _edited(loaded), [])
    assert await _revision(database) != before


async def test_tracks_are_checked_against_the_stored_contest(
    database: Database, loaded: list[Located[Question]]
) -> None:
    before = await _stored(database)
    stray = Located(replace(loaded[0].item, track_code="nope"), loaded[0].row)
    result = await import_questions(database.unit_of_work, [stray, *loaded[1:]], [])
    assert not result.applied
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [
        (Sheet.QUESTIONS, loaded[0].row, "track")
    ]
    assert await _stored(database) == before


async def test_problems_found_while_reading_also_block_the_import(
    database: Database, loaded: list[Located[Question]]
) -> None:
    before = await _stored(database)
    reading = [Problem("the sheet is missing", {}, Sheet.QUESTIONS)]
    result = await import_questions(database.unit_of_work, _edited(loaded), reading)
    assert result.problems == reading
    assert await _stored(database) == before


async def test_a_dry_run_reports_the_changes_but_saves_nothing(
    database: Database, loaded: list[Located[Question]]
) -> None:
    before = await _stored(database)
    result = await import_questions(database.unit_of_work, _edited(loaded), [], dry_run=True)
    assert not result.applied
    assert result.changes[Sheet.QUESTIONS].updated == 1
    assert await _stored(database) == before


async def test_there_is_no_question_bank_without_a_contest(
    database: Database, demo_parsed: Parsed
) -> None:
    with pytest.raises(NoContestError):
        await import_questions(database.unit_of_work, demo_parsed[0].questions, [])
