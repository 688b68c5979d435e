"""Staff and personal commands in a group: a link to the private chat, and nothing else."""

from typing import Any

import pytest
from aiogram.methods import GetMe, SendMessage, TelegramMethod
from aiogram.types import Chat, InlineKeyboardMarkup

from bot.domain.commands import COMMANDS, PRIVATE_ONLY, START, Command
from bot.domain.enums import Locale, Role
from bot.texts.texts import Texts
from handlers.private_chats import MESSAGE_ME_PRIVATELY
from tests.handlers.broadcasting import database
from tests.handlers.conftest import CONTESTANT, JUDGE, LEADER, ORGANIZER, SHANGHAI, Telegram

GROUP = Chat(id=-1002, type="supergroup", title="随便一个群")
ALICE = 1001  # not joined
# Who, of the joined, tries each command: the first whose role may use it.
TRIERS = ((Role.ORGANIZER, ORGANIZER), (Role.LEADER, LEADER), (Role.JUDGE, JUDGE))
FOR_GROUPS = {
    Command.TODAY, Command.TOMORROW, Command.NEXT, Command.SCHEDULE, Command.WHERE,
    Command.TEAMCHAT, Command.HELP, Command.CANCEL,
}  # fmt: skip
REFUSALS = {Texts(locale, SHANGHAI)(MESSAGE_ME_PRIVATELY) for locale in Locale}


def trier(command: str) -> int:
    if command == START:
        return ALICE
    return next(user for role, user in TRIERS if Command(command) in COMMANDS[role])


def answers(calls: list[TelegramMethod[Any]]) -> list[TelegramMethod[Any]]:
    return [call for call in calls if not isinstance(call, GetMe)]


def link_of(reply: SendMessage) -> str | None:
    assert isinstance(reply.reply_markup, InlineKeyboardMarkup)
    return reply.reply_markup.inline_keyboard[0][0].url


def test_only_the_commands_meant_for_groups_are_answered_there() -> None:
    assert {*Command} - PRIVATE_ONLY == FOR_GROUPS
    assert START in PRIVATE_ONLY


@pytest.mark.parametrize("command", sorted(PRIVATE_ONLY))
async def test_a_private_only_command_in_a_group_only_links_to_the_private_chat(
    joined: Telegram, command: str
) -> None:
    calls = answers(await joined.send(trier(command), f"/{command}", chat=GROUP))
    assert len(calls) == 1, calls
    reply = calls[0]
    assert isinstance(reply, SendMessage)
    assert reply.chat_id == GROUP.id
    assert reply.text in REFUSALS
    assert link_of(reply) == "https://t.me/contest_bot"


async def test_the_refusal_reads_please_message_me_privately(joined: Telegram) -> None:
    reply = answers(await joined.send(ORGANIZER, "/standings", chat=GROUP))[0]
    assert isinstance(reply, SendMessage)
    assert "请私聊我" in reply.text


async def test_a_command_addressed_to_the_bot_by_name_is_refused_too(joined: Telegram) -> None:
    reply = answers(await joined.send(ORGANIZER, "/audit@contest_bot", chat=GROUP))[0]
    assert isinstance(reply, SendMessage)
    assert reply.text in REFUSALS


async def test_draft_standings_are_shown_in_the_private_chat(joined: Telegram) -> None:
    calls = answers(await joined.send(ORGANIZER, "/standings"))
    assert calls
    assert all(getattr(call, "text", None) not in REFUSALS for call in calls)


async def test_an_invite_code_sent_in_a_group_binds_nobody(telegram: Telegram) -> None:
    person = telegram.people["ORG1"]
    reply = answers(await telegram.send(ALICE, f"/start {person.invite_code}", chat=GROUP))[0]
    assert isinstance(reply, SendMessage)
    assert reply.text in REFUSALS
    async with database(telegram).unit_of_work() as uow:
        assert person.id is not None
        assert await uow.accounts.by_person_id(person.id) is None
        assert await uow.accounts.by_telegram_id(ALICE) is None


async def test_unbind_in_a_group_releases_nobody(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/unbind H07-1", chat=GROUP)
    async with database(joined).unit_of_work() as uow:
        bound = await uow.accounts.by_telegram_id(CONTESTANT)
    assert bound is not None
    assert bound.person_id == joined.people["H07-1"].id


async def test_someone_without_the_role_is_told_so_in_a_group_too(joined: Telegram) -> None:
    reply = answers(await joined.send(CONTESTANT, "/standings", chat=GROUP))[0]
    assert isinstance(reply, SendMessage)
    assert "/standings" in reply.text
    assert reply.text not in REFUSALS


@pytest.mark.parametrize("command", ["/today", "/schedule", "/help"])
async def test_the_public_programme_is_answered_in_a_group(joined: Telegram, command: str) -> None:
    calls = await joined.send(CONTESTANT, command, chat=GROUP)
    texts = [call.text for call in calls if isinstance(call, SendMessage)]
    assert texts
    assert not REFUSALS & set(texts)
