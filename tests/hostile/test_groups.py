"""Groups: staff and personal commands answer "message me privately" there and do nothing else;
Telegram's anonymous admin, senders on behalf of a chat and the service account are never bound
and never treated as a person; no group ever reads draft scores."""

from dataclasses import dataclass

import pytest
from aiogram.types import Chat, Update, User

from bot.domain.commands import ORGANIZING, Command
from tests.handlers.conftest import Telegram
from tests.hostile.bot import (
    ANONYMOUS_ADMIN,
    CAST,
    CHANNEL,
    CHANNEL_BOT,
    GROUP,
    ORGANIZER,
    OTHER_GROUP,
    SERVICE,
    STRANGER,
    feed,
)
from tests.hostile.cases import BOTH, every, on_dialects
from tests.hostile.checks import (
    NOBODY,
    READERS,
    Reader,
    assert_no_draft,
    assert_no_failure,
    assert_private_only_refusal,
    assert_sound,
)
from tests.hostile.state import account, fingerprint, team_of_group
from tests.hostile.updates import message, text_update

PRIVATE_ONLY: dict[Command, str] = {
    **{command: "organizer" for command in ORGANIZING if command is not Command.TEAMCHAT},
    Command.SCORE: "judge",
}
ANONYMOUS = User(id=ANONYMOUS_ADMIN, is_bot=True, first_name="Group", username="GroupAnonymousBot")
TELEGRAM = User(id=SERVICE, is_bot=False, first_name="Telegram")
ON_BEHALF = User(id=CHANNEL_BOT, is_bot=True, first_name="Channel", username="Channel_Bot")


@dataclass(frozen=True)
class Impersonal:
    """A message in a group from no person: who Telegram says sent it, on behalf of what."""

    sender: User
    sender_chat: Chat | None
    automatic_forward: bool = False


NOT_PEOPLE = {
    "anonymous-admin": Impersonal(ANONYMOUS, GROUP),
    "channel": Impersonal(ON_BEHALF, CHANNEL),
    "service-account": Impersonal(TELEGRAM, CHANNEL, automatic_forward=True),
}


def impersonal(telegram: Telegram, who: Impersonal, text: str, chat: Chat = GROUP) -> Update:
    extra = {"is_automatic_forward": True} if who.automatic_forward else {}
    found = message(telegram, who.sender, text, chat, sender_chat=who.sender_chat, **extra)
    return Update(update_id=found.message_id, message=found)


def organizer_code(telegram: Telegram) -> str:
    code = telegram.people["ORG1"].invite_code
    assert code is not None
    return code


STAFF = {f"{role}-{command.value}": command for command, role in PRIVATE_ONLY.items()}


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(STAFF, every(STAFF, 4)), indirect=["hostile"]
)
async def test_a_staff_command_in_a_group_only_asks_for_a_private_chat(
    hostile: Telegram, case: Command, failures: pytest.LogCaptureFixture
) -> None:
    role = PRIVATE_ONLY[case]
    before = await fingerprint(hostile)
    outcome = await feed(hostile, text_update(hostile, CAST[role], f"/{case.value}", GROUP))
    assert_sound(outcome, failures, READERS[role])
    assert_private_only_refusal(outcome, READERS[role])
    assert await fingerprint(hostile) == before


EVERY_COMMAND = {
    f"{role}-{command.value}": (role, command)
    for n, command in enumerate(Command)
    for role in (list(CAST)[n % len(CAST)], "organizer")
}


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(EVERY_COMMAND, every(EVERY_COMMAND, 16)), indirect=["hostile"]
)
async def test_no_command_in_a_group_shows_draft_scores(
    hostile: Telegram, case: tuple[str, Command], failures: pytest.LogCaptureFixture
) -> None:
    role, command = case
    outcome = await feed(hostile, text_update(hostile, CAST[role], f"/{command.value}", GROUP))
    assert_sound(outcome, failures, READERS[role])


IMPERSONAL_COMMANDS = {
    f"{name}-{command.value}": (who, command)
    for name, who in NOT_PEOPLE.items()
    for command in (*PRIVATE_ONLY, Command.TEAMCHAT, Command.TEAM, Command.TODAY)
}


@pytest.mark.parametrize(
    ("hostile", "case"),
    on_dialects(IMPERSONAL_COMMANDS, every(IMPERSONAL_COMMANDS, 14)),
    indirect=["hostile"],
)
async def test_nobody_in_particular_changes_nothing_and_reads_no_draft(
    hostile: Telegram, case: tuple[Impersonal, Command], failures: pytest.LogCaptureFixture
) -> None:
    who, command = case
    before = await fingerprint(hostile)
    outcome = await feed(hostile, impersonal(hostile, who, f"/{command.value}"))
    assert_sound(outcome, failures, NOBODY)
    assert await fingerprint(hostile) == before


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(NOT_PEOPLE, NOT_PEOPLE), indirect=["hostile"]
)
async def test_an_invite_code_from_nobody_in_particular_binds_nothing(
    hostile: Telegram, case: Impersonal, failures: pytest.LogCaptureFixture
) -> None:
    before = await fingerprint(hostile)
    outcome = await feed(hostile, impersonal(hostile, case, f"/start {organizer_code(hostile)}"))
    assert_sound(outcome, failures, NOBODY)
    assert await account(hostile, case.sender.id) is None
    assert await fingerprint(hostile) == before


@pytest.mark.parametrize("hostile", BOTH, indirect=True)
async def test_the_anonymous_admin_is_no_organizer_in_another_group(
    hostile: Telegram, failures: pytest.LogCaptureFixture
) -> None:
    who = NOT_PEOPLE["anonymous-admin"]
    await feed(hostile, impersonal(hostile, who, f"/start {organizer_code(hostile)}"))
    elsewhere = Impersonal(ANONYMOUS, OTHER_GROUP)
    for command in ("/standings", "/audit", "/teamchat H01", "/publish"):
        outcome = await feed(hostile, impersonal(hostile, elsewhere, command, OTHER_GROUP))
        assert_no_failure(outcome, failures)
        assert_no_draft(outcome, NOBODY)
    assert await account(hostile, ANONYMOUS_ADMIN) is None
    assert await team_of_group(hostile, OTHER_GROUP.id) is None


@pytest.mark.parametrize("hostile", BOTH, indirect=True)
async def test_an_invite_code_in_a_group_binds_no_account_to_the_group(
    hostile: Telegram, failures: pytest.LogCaptureFixture
) -> None:
    code = hostile.people["H08-1"].invite_code
    outcome = await feed(hostile, text_update(hostile, STRANGER, f"/start {code}", GROUP))
    assert_sound(outcome, failures, READERS["stranger"])
    assert_private_only_refusal(outcome, READERS["stranger"])
    bound = await account(hostile, STRANGER)
    assert bound is None or bound[0] == STRANGER


@pytest.mark.parametrize("hostile", BOTH, indirect=True)
async def test_another_team_cannot_take_over_a_teams_group(
    hostile: Telegram, failures: pytest.LogCaptureFixture
) -> None:
    await feed(hostile, text_update(hostile, CAST["contestant"], "/teamchat", GROUP))
    assert await team_of_group(hostile, GROUP.id) == "H07"
    rival = 4010
    await hostile.join(rival, "H08-1")
    outcome = await feed(hostile, text_update(hostile, rival, "/teamchat", GROUP))
    assert_sound(outcome, failures, Reader(READERS["contestant"].locale))
    assert await team_of_group(hostile, GROUP.id) == "H07"


@pytest.mark.parametrize("hostile", ["sqlite"], indirect=True)
async def test_an_organizer_in_a_group_is_still_an_organizer_in_private(
    hostile: Telegram, failures: pytest.LogCaptureFixture
) -> None:
    await feed(hostile, text_update(hostile, ORGANIZER, "/unbind", GROUP))
    assert await account(hostile, ORGANIZER) == (ORGANIZER, hostile.people["ORG1"].id)
