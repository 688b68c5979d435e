"""Replacing the practice question bank of the loaded contest: all or nothing, by code."""

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.draft import Located
from bot.domain.problems import Problem, Sheet
from bot.domain.questions import Question
from bot.domain.validation import question_bank_problems
from bot.services.contest_import import ImportResult
from bot.services.ports import UnitOfWorkFactory


class NoContestError(Exception):
    """The question bank belongs to a contest, and none is loaded."""


async def import_questions(
    unit_of_work: UnitOfWorkFactory,
    located_questions: Sequence[Located[Question]],
    reading_problems: Sequence[Problem],
    *,
    dry_run: bool = False,
) -> ImportResult:
    """Checks the questions against the stored tracks, then makes them the whole bank.

    Questions are matched by code (practice history is kept by code too); the rest of the
    contest is saved back unchanged. The changes reported are those of the Questions sheet.
    """
    async with unit_of_work() as uow:
        data = await uow.contest.load()
        if data is None:
            raise NoContestError
        tracks = {track.code for track in data.tracks}
        problems = [*reading_problems, *question_bank_problems(located_questions, tracks)]
        if problems:
            return ImportResult(problems=sorted(problems, key=lambda p: p.sort_key))
        questions = tuple(entry.item for entry in located_questions)
        changes = await uow.contest.replace(replace(data, questions=questions))
        if dry_run:
            await uow.rollback()
        else:
            await uow.commit()
    return ImportResult(changes={Sheet.QUESTIONS: changes[Sheet.QUESTIONS]}, applied=not dry_run)
