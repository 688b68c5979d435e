"""Binding a Telegram account to a person by the invite code on their badge."""

from dataclasses import dataclass, replace
from datetime import datetime

from bot.domain.accounts import Account, normalise_invite_code
from bot.domain.contest import Person
from bot.domain.invite_limits import minutes_until
from bot.domain.onboarding import Outcome, StartResult
from bot.domain.snapshot import ContestSnapshot
from bot.services.accounts import private_chat
from bot.services.invite_limits import closed_for_everyone, closed_for_invite, note_failed_code
from bot.services.ports import Clock, UnitOfWork


async def open_account(uow: UnitOfWork, clock: Clock, telegram_user_id: int) -> Account:
    """The user's account, opened if new. Its chat is the user's private chat with the bot,
    never a group they happened to write from (an account stored so before is put right)."""
    chat_id = private_chat(telegram_user_id)
    account = await uow.accounts.by_telegram_id(telegram_user_id)
    if account is None:
        # A concurrent update of the same user may be opening it too: the store keeps one.
        new = Account(telegram_user_id, chat_id, created_at=clock.now())
        account = await uow.accounts.add_new(new)
    if account.chat_id == chat_id:
        return account
    return await uow.accounts.save(replace(account, chat_id=chat_id))


async def start_with_code(
    uow: UnitOfWork,
    clock: Clock,
    snapshot: ContestSnapshot | None,
    telegram_user_id: int,
    code: str,
) -> StartResult:
    now = clock.now()
    account = await open_account(uow, clock, telegram_user_id)
    if account.blocked(now):
        return StartResult(Outcome.BLOCKED, account, blocked_until=account.blocked_until)
    if snapshot is None:
        return StartResult(Outcome.NO_CONTEST, account)
    if (closed := await closed_for_everyone(uow, now)) is not None:
        return too_many_attempts(account, closed, now)
    wanted = normalise_invite_code(code)
    person = next((p for p in snapshot.people.values() if p.invite_code == wanted and wanted), None)
    if person is None or person.id is None:
        await note_failed_code(uow, now)
        account = await uow.accounts.save(account.after_wrong_code(now))
        if account.blocked(now):
            return StartResult(Outcome.BLOCKED, account, blocked_until=account.blocked_until)
        return StartResult(Outcome.WRONG_CODE, account, attempts_left=account.attempts_left)
    if account.person_id == person.id:
        return StartResult(Outcome.ALREADY_YOURS, account, person)
    if account.person_id is not None:
        return StartResult(Outcome.ACCOUNT_TAKEN, account, snapshot.people.get(account.person_id))
    holder = await uow.accounts.by_person_id(person.id)
    if holder is not None:
        if (closed := await closed_for_invite(uow, person.id, now)) is not None:
            return too_many_attempts(account, closed, now)
        await note_failed_code(uow, now, person.id)
        return StartResult(Outcome.PERSON_TAKEN, account, person)
    # Another account may be binding the same code at this moment: the store decides which
    # one gets it before anyone is welcomed.
    bound = await uow.accounts.save_binding(account.bound_to(person.id, now))
    if bound is None:
        return StartResult(Outcome.PERSON_TAKEN, account, person)
    return StartResult(Outcome.BOUND, bound, person)


def too_many_attempts(account: Account, until: datetime, now: datetime) -> StartResult:
    return StartResult(
        Outcome.TOO_MANY_ATTEMPTS,
        account,
        blocked_until=until,
        wait_minutes=minutes_until(until, now),
    )


async def unbind(uow: UnitOfWork, snapshot: ContestSnapshot, person_code: str) -> Account | None:
    """Frees a person for a new account (an organizer's decision); None if nobody was bound."""
    person = next((p for p in snapshot.people.values() if p.code == person_code), None)
    if person is None or person.id is None:
        return None
    holder = await uow.accounts.by_person_id(person.id)
    if holder is None:
        return None
    return await uow.accounts.save(replace(holder, person_id=None, bound_at=None))


@dataclass(frozen=True, slots=True)
class OnboardingStatus:
    joined: int
    total: int
    # People who have not joined yet, in import order (teams first).
    missing: tuple[Person, ...]


async def onboarding_status(uow: UnitOfWork, snapshot: ContestSnapshot) -> OnboardingStatus:
    bound = await uow.accounts.bound_person_ids()
    people = snapshot.data.people
    missing = tuple(p for p in people if p.id not in bound)
    return OnboardingStatus(len(people) - len(missing), len(people), missing)
