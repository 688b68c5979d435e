"""The joined people a message goes to, each with their own language."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.domain.accounts import Account
from bot.domain.contest import Person
from bot.domain.enums import Locale
from bot.domain.outbox import Buttons, NewDelivery, Priority
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Reader:
    person: Person
    account: Account
    locale: Locale

    def message(
        self, key: str, text: str, priority: Priority, buttons: Buttons = ()
    ) -> NewDelivery:
        return NewDelivery(
            key, self.account.chat_id, text, priority, self.person.id, buttons=buttons
        )


async def readers(
    uow: UnitOfWork,
    snapshot: ContestSnapshot,
    people: Iterable[Person],
    accounts: Mapping[int | None, Account] | None = None,
) -> list[Reader]:
    """Those of `people` who joined the bot; the others cannot be messaged. Callers that ask
    for many groups of people pass the `accounts` (by person id) they loaded once."""
    if accounts is None:
        accounts = await bound_accounts(uow)
    default = snapshot.data.contest.default_locale
    return [
        Reader(person, account, account.locale or person.locale or default)
        for person in people
        if (account := accounts.get(person.id)) is not None
    ]


async def bound_accounts(uow: UnitOfWork) -> dict[int | None, Account]:
    return {account.person_id: account for account in await uow.accounts.bound()}
