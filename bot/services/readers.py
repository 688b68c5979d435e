"""The joined people a message goes to, each with the texts of their own language."""

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.accounts import Account
from bot.domain.contest import Person
from bot.domain.outbox import Buttons, NewDelivery, Priority
from bot.domain.snapshot import ContestSnapshot
from bot.services.ports import UnitOfWork
from bot.texts.texts import Texts


@dataclass(frozen=True, slots=True)
class Reader:
    person: Person
    account: Account
    t: Texts

    def message(
        self, key: str, text: str, priority: Priority, buttons: Buttons = ()
    ) -> NewDelivery:
        return NewDelivery(
            key, self.account.chat_id, text, priority, self.person.id, buttons=buttons
        )


async def readers(
    uow: UnitOfWork, snapshot: ContestSnapshot, people: Iterable[Person]
) -> list[Reader]:
    """Those of `people` who joined the bot; the others cannot be messaged."""
    accounts = {a.person_id: a for a in await uow.accounts.bound()}
    default = snapshot.data.contest.default_locale
    return [
        Reader(person, account, Texts(account.locale or person.locale or default, snapshot.zone))
        for person in people
        if (account := accounts.get(person.id)) is not None
    ]
