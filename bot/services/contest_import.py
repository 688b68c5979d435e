"""Importing a contest: all or nothing, every problem listed, re-import by natural keys.

A file of another contest (another name) is refused unless the caller asks to replace the
loaded one; the refusal names everything the replacement would remove. A replacement keeps the
audit trail and is itself recorded in it.
"""

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.domain.audit import AuditAction
from bot.domain.changes import Changes, Replacement
from bot.domain.contest import ContestData
from bot.domain.draft import ContestDraft
from bot.domain.invites import ALPHABET, LENGTH, assign_invite_codes
from bot.domain.problems import Problem, Sheet
from bot.domain.validation import validate
from bot.services.audit import COMMAND_LINE, record
from bot.services.clock import SystemClock
from bot.services.ports import (
    Clock,
    InviteCodeGenerator,
    NoticeViews,
    UnitOfWork,
    UnitOfWorkFactory,
)
from bot.services.schedule_notices import notify_changes


@dataclass(frozen=True, slots=True)
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    changes: Mapping[Sheet, Changes] = field(default_factory=dict)
    applied: bool = False
    notices: int = 0  # programme changes queued for the people they concern
    replacement: Replacement | None = None  # the file is another contest than the loaded one
    refused: bool = False  # ... and replacing the loaded one was not asked for


def secure_invite_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


async def import_contest(
    unit_of_work: UnitOfWorkFactory,
    draft: ContestDraft,
    reading_problems: list[Problem],
    *,
    views: NoticeViews,
    dry_run: bool = False,
    replace_loaded: bool = False,
    new_invite_code: InviteCodeGenerator = secure_invite_code,
    clock: Clock | None = None,
    actor: str = COMMAND_LINE,
) -> ImportResult:
    problems = sorted([*reading_problems, *validate(draft)], key=lambda p: p.sort_key)
    if problems:
        return ImportResult(problems=problems)
    data = draft.to_data()
    now = (clock or SystemClock()).now()
    async with unit_of_work() as uow:
        replacement = await _replacement(uow, data)
        if replacement is not None and not replace_loaded:
            await uow.rollback()
            return ImportResult(replacement=replacement, refused=True)
        if replacement is not None:
            await _remove_loaded(uow, replacement, now, actor)
        existing = await uow.contest.invite_codes()
        people = assign_invite_codes(data.people, existing, new_invite_code)
        old = await uow.contest.load() if replacement is None else None
        changes = await uow.contest.replace(replace(data, people=people))
        new = await uow.contest.load()
        assert new is not None
        notices = await notify_changes(uow, old, new, now, views)
        if dry_run:
            await uow.rollback()
        else:
            await uow.commit()
    return ImportResult(
        changes=changes, applied=not dry_run, notices=notices, replacement=replacement
    )


async def _replacement(uow: UnitOfWork, data: ContestData) -> Replacement | None:
    loaded = await uow.contest.load_contest()
    if loaded is None or loaded.name == data.contest.name:
        return None
    return Replacement(loaded.name, data.contest.name, await uow.contest.holdings())


async def _remove_loaded(
    uow: UnitOfWork, replacement: Replacement, now: datetime, actor: str
) -> None:
    await uow.contest.remove_all()
    await record(
        uow, now, actor, AuditAction.CONTEST_REPLACED, "contest",
        before={"name": replacement.loaded, **replacement.counts()},
        after={"name": replacement.incoming},
    )  # fmt: skip
