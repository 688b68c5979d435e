"""Every command from every role in a private chat, bare and with junk after it: each is answered
in the reader's language, a command beyond the role is refused and changes nothing, and only an
organizer ever reads draft scores."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from aiogram.types import Chat, Message, Update

from bot.domain.commands import Command, allowed
from bot.domain.enums import Role
from tests.handlers.conftest import Telegram
from tests.hostile.bot import CAST, feed, user
from tests.hostile.cases import every, on_dialects
from tests.hostile.checks import READERS, assert_refusal, assert_sound
from tests.hostile.state import fingerprint

ROLES: dict[str, Role | None] = {
    "organizer": Role.ORGANIZER,
    "contestant": Role.CONTESTANT,
    "leader": Role.LEADER,
    "judge": Role.JUDGE,
    "stranger": None,
}
JUNK = (
    "99999999999999999999999999",
    "-2147483649",
    "'; DROP TABLE accounts; --",
    "<b>粗</b>&amp;&lt;script&gt;",
    "\u202e\u200b\u200d\ufeff",
    "x" * 4000,
    "@contest_bot H07 H08 J7 ORG1",
)


@dataclass(frozen=True)
class Typed:
    role: str
    text: str
    command: Command | None


def typed_commands() -> dict[str, Typed]:
    cases = {}
    for role in ROLES:
        for command in Command:
            cases[f"{role}-{command.value}"] = Typed(role, f"/{command.value}", command)
    roles = list(ROLES)
    for n, command in enumerate(Command):
        role, junk = roles[n % len(roles)], n % len(JUNK)
        cases[f"{role}-{command.value}-junk{junk}"] = Typed(
            role, f"/{command.value} {JUNK[junk]}", command
        )
    for role in ROLES:
        cases[f"{role}-unknown"] = Typed(role, "/nonesuch 1 2 3", None)
        cases[f"{role}-mention"] = Typed(role, "/standings@contest_bot", Command.STANDINGS)
        cases[f"{role}-other-bot"] = Typed(role, "/standings@other_bot", None)
    return cases


CASES = typed_commands()
ON_POSTGRES = every(CASES, 29)


def private_message(telegram: Telegram, user_id: int, text: str) -> Update:
    number = next(telegram.ids)
    message = Message(
        message_id=number,
        date=telegram.clock.now() + timedelta(seconds=number),
        chat=Chat(id=user_id, type="private"),
        from_user=user(user_id),
        text=text,
    )
    return Update(update_id=number, message=message)


@pytest.mark.parametrize(("hostile", "case"), on_dialects(CASES, ON_POSTGRES), indirect=["hostile"])
async def test_a_command_is_answered_within_the_role(
    hostile: Telegram, case: Typed, failures: pytest.LogCaptureFixture
) -> None:
    refused = case.command is not None and not allowed(ROLES[case.role], case.command)
    before = await fingerprint(hostile) if refused else None
    outcome = await feed(hostile, private_message(hostile, CAST[case.role], case.text))
    assert_sound(outcome, failures, READERS[case.role])
    if refused:
        assert_refusal(outcome, READERS[case.role])
        assert await fingerprint(hostile) == before
