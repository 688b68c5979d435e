"""Withdrawing a published version of a round's results: what was not sent yet is cancelled,
everyone it reached is told why, once, and the withdrawal is audited."""

from dataclasses import dataclass
from datetime import datetime

from bot.domain.audit import AuditAction
from bot.domain.contest import Person, Round
from bot.domain.enums import Locale
from bot.domain.outbox import NewDelivery, Priority
from bot.domain.problems import N_
from bot.domain.scoring.errors import ScoringError
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit import record
from bot.services.ports import ResultViews, UnitOfWork
from bot.services.readers import readers
from bot.services.results import concerned, round_tracks, scored_round


@dataclass(frozen=True, slots=True)
class Withdrawn:
    version: int
    notified: int
    first_time: bool


async def withdraw(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    organizer: Person,
    reason: str,
    now: datetime,
    views: ResultViews,
) -> Withdrawn:
    """Takes back the round's published version: what was not sent yet is cancelled, and
    everyone it reached is told, with the reason (once per round and version)."""
    round_ = scored_round(snapshot, round_code)
    reason = reason.strip()
    if not reason:
        raise ScoringError(N_("A withdrawal needs a reason."))
    version = (await uow.publications.published()).get(round_code, 0)
    if version == 0:
        raise ScoringError(N_("{round} has no published results to withdraw."), round=round_code)
    if not await uow.publications.withdraw(round_code, version, organizer.code, reason, now):
        return Withdrawn(version, 0, first_time=False)
    await record(
        uow, now, organizer.code, AuditAction.PUBLICATION_WITHDRAWN, f"results:{round_code}",
        before={"version": version}, reason=reason,
    )  # fmt: skip
    keys = [f"result:{round_code}:v{version}", f"standings:{round_code}:v{version}"]
    for key in keys:
        await uow.outbox.cancel(key)
    received = await uow.publications.recipients(keys)
    locales = await _chat_locales(uow, snapshot, round_)
    default = snapshot.data.contest.default_locale
    key = f"withdrawn:{round_code}:v{version}"
    notices = [
        NewDelivery(key, chat, views.withdrawal_notice(locales.get(chat, default), round_,
                                                       version, reason), Priority.RESULT)
        for chat in sorted(received)
    ]  # fmt: skip
    return Withdrawn(version, await uow.outbox.enqueue(notices, now), first_time=True)


async def _chat_locales(
    uow: UnitOfWork, snapshot: ContestSnapshot, round_: Round
) -> dict[int, Locale]:
    """The language of each chat that may have received the round's results."""
    found = {
        reader.account.chat_id: reader.locale
        for reader in await readers(uow, snapshot, concerned(snapshot, round_.track_code))
    }
    default = snapshot.data.contest.default_locale
    for track in round_tracks(snapshot, round_):
        for follower in await uow.follows.followers(track):
            found.setdefault(follower.chat_id, follower.locale or default)
    return found


async def withdraw_shown(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    round_code: str,
    shown: object,
    organizer: Person,
    reason: str,
    now: datetime,
    views: ResultViews,
) -> Withdrawn | None:
    """`withdraw`, while `shown` (the version the organizer pressed Withdraw on) is still the
    round's version out; None when it no longer is (withdrawn or corrected since)."""
    if (await uow.publications.published()).get(round_code) != shown:
        return None
    return await withdraw(uow, snapshot, round_code, organizer, reason, now, views)
