"""Anonymous group admins, channels and Telegram's own accounts: nobody to bind, no rights."""

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram.methods import GetMe, SendMessage, TelegramMethod
from aiogram.types import Chat, InlineKeyboardMarkup

from bot.domain.accounts import Account
from bot.domain.enums import Locale
from bot.texts.texts import Texts
from handlers.filters import CHANNEL_BOT, GROUP_ANONYMOUS_BOT, TELEGRAM_SERVICE
from handlers.private_chats import WHO_IS_WRITING
from tests.handlers.broadcasting import database
from tests.handlers.conftest import SHANGHAI, Telegram

GROUP_A = Chat(id=-1003, type="supergroup", title="A 群")
GROUP_B = Chat(id=-1004, type="supergroup", title="B 群")
CHANNEL = Chat(id=-1005, type="channel", title="频道")
SOMEONE = 1001
# (the account Telegram names as the sender, the chat it writes for)
ANONYMOUS = [
    pytest.param(GROUP_ANONYMOUS_BOT, GROUP_A, id="anonymous-admin"),
    pytest.param(CHANNEL_BOT, CHANNEL, id="on-behalf-of-a-channel"),
    pytest.param(TELEGRAM_SERVICE, CHANNEL, id="telegram-service"),
    pytest.param(SOMEONE, GROUP_A, id="a-person-writing-as-the-group"),
]
REFUSALS = {Texts(locale, SHANGHAI)(WHO_IS_WRITING) for locale in Locale}


def replies(calls: list[TelegramMethod[Any]]) -> list[SendMessage]:
    assert all(isinstance(call, SendMessage | GetMe) for call in calls), calls
    return [call for call in calls if isinstance(call, SendMessage)]


async def from_nobody(
    telegram: Telegram, sender: int, on_behalf_of: Chat, text: str, chat: Chat = GROUP_A
) -> list[SendMessage]:
    return replies(await telegram.send(sender, text, chat=chat, sender_chat=on_behalf_of))


async def organizer_bound_to(telegram: Telegram, user_id: int) -> None:
    """As the anonymous admin's id was bound before this was refused."""
    organizer = telegram.people["ORG1"]
    async with database(telegram).unit_of_work() as uow:
        joined_at = datetime(2024, 9, 24, tzinfo=UTC)
        await uow.accounts.save(Account(user_id, user_id, joined_at, organizer.id))
        await uow.commit()


@pytest.mark.parametrize(("sender", "on_behalf_of"), ANONYMOUS)
async def test_an_invite_code_from_nobody_in_particular_is_refused_and_binds_nothing(
    telegram: Telegram, sender: int, on_behalf_of: Chat
) -> None:
    organizer = telegram.people["ORG1"]
    [reply] = await from_nobody(telegram, sender, on_behalf_of, f"/start {organizer.invite_code}")
    assert reply.text in REFUSALS
    async with database(telegram).unit_of_work() as uow:
        assert organizer.id is not None
        assert await uow.accounts.by_person_id(organizer.id) is None
        assert await uow.accounts.by_telegram_id(sender) is None


async def test_the_refusal_links_to_the_private_chat(telegram: Telegram) -> None:
    [reply] = await from_nobody(telegram, GROUP_ANONYMOUS_BOT, GROUP_A, "/start")
    assert isinstance(reply.reply_markup, InlineKeyboardMarkup)
    assert reply.reply_markup.inline_keyboard[0][0].url == "https://t.me/contest_bot"


async def test_telegrams_service_account_is_not_bound_in_a_private_chat_either(
    telegram: Telegram,
) -> None:
    organizer = telegram.people["ORG1"]
    private = Chat(id=TELEGRAM_SERVICE, type="private")
    reply = replies(
        await telegram.send(TELEGRAM_SERVICE, f"/start {organizer.invite_code}", chat=private)
    )[0]
    assert reply.text in REFUSALS
    async with database(telegram).unit_of_work() as uow:
        assert await uow.accounts.by_telegram_id(TELEGRAM_SERVICE) is None


@pytest.mark.parametrize(("sender", "on_behalf_of"), ANONYMOUS)
@pytest.mark.parametrize("command", ["/standings", "/audit", "/teamchat H01", "/unbind H07-1"])
async def test_an_account_bound_before_gets_no_staff_rights_when_writing_anonymously(
    telegram: Telegram, sender: int, on_behalf_of: Chat, command: str
) -> None:
    await organizer_bound_to(telegram, sender)
    [reply] = await from_nobody(telegram, sender, on_behalf_of, command, chat=GROUP_B)
    assert reply.text in REFUSALS


async def test_an_anonymous_admin_does_not_link_the_group(telegram: Telegram) -> None:
    await organizer_bound_to(telegram, GROUP_ANONYMOUS_BOT)
    await from_nobody(telegram, GROUP_ANONYMOUS_BOT, GROUP_B, "/teamchat H01", chat=GROUP_B)
    async with database(telegram).unit_of_work() as uow:
        assert await uow.team_chats.get(GROUP_B.id) is None


async def test_the_public_programme_is_still_answered_to_an_anonymous_admin(
    telegram: Telegram,
) -> None:
    [reply] = await from_nobody(telegram, GROUP_ANONYMOUS_BOT, GROUP_A, "/today")
    assert reply.text not in REFUSALS


async def test_chatter_from_a_channel_in_its_discussion_group_gets_no_answer(
    telegram: Telegram,
) -> None:
    assert await from_nobody(telegram, TELEGRAM_SERVICE, CHANNEL, "新的一期节目单") == []
