"""Importing a contest: all or nothing, every problem listed, re-import by natural keys."""

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bot.domain.changes import Changes
from bot.domain.draft import ContestDraft
from bot.domain.invites import ALPHABET, LENGTH, assign_invite_codes
from bot.domain.problems import Problem, Sheet
from bot.domain.validation import validate
from bot.services.clock import SystemClock
from bot.services.ports import Clock, InviteCodeGenerator, UnitOfWorkFactory
from bot.services.schedule_notices import notify_changes


@dataclass(frozen=True, slots=True)
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    changes: Mapping[Sheet, Changes] = field(default_factory=dict)
    applied: bool = False
    notices: int = 0  # programme changes queued for the teams they concern


def secure_invite_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


async def import_contest(
    unit_of_work: UnitOfWorkFactory,
    draft: ContestDraft,
    reading_problems: list[Problem],
    *,
    dry_run: bool = False,
    new_invite_code: InviteCodeGenerator = secure_invite_code,
    clock: Clock | None = None,
) -> ImportResult:
    problems = sorted([*reading_problems, *validate(draft)], key=lambda p: p.sort_key)
    if problems:
        return ImportResult(problems=problems)
    data = draft.to_data()
    async with unit_of_work() as uow:
        existing = await uow.contest.invite_codes()
        people = assign_invite_codes(data.people, existing, new_invite_code)
        old = await uow.contest.load()
        changes = await uow.contest.replace(replace(data, people=people))
        new = await uow.contest.load()
        assert new is not None
        notices = await notify_changes(uow, old, new, (clock or SystemClock()).now())
        if dry_run:
            await uow.rollback()
        else:
            await uow.commit()
    return ImportResult(changes=changes, applied=not dry_run, notices=notices)
