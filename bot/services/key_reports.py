"""Reports of a wrong answer key: contestants file them, organizers work through the inbox."""

from dataclasses import dataclass
from datetime import datetime

from bot.domain.key_reports import KeyReport
from bot.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Resolution:
    done: bool  # False: it was resolved already
    still_open: list[KeyReport]  # the inbox after it


async def report_key(
    uow: UnitOfWork, person_id: int, question_code: str, reason: str, now: datetime
) -> None:
    await uow.key_reports.report(person_id, question_code, reason, now)


async def open_reports(uow: UnitOfWork) -> list[KeyReport]:
    return await uow.key_reports.open()


async def resolve_report(uow: UnitOfWork, report_id: int, now: datetime) -> Resolution:
    done = await uow.key_reports.resolve(report_id, now)
    return Resolution(done, await uow.key_reports.open())
