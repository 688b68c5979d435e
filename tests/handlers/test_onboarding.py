"""Joining the bot with the invite code from a badge."""

from aiogram.methods import SendMessage, SetMyCommands
from aiogram.types import BotCommandScopeChat

from bot.domain.accounts import MAX_FAILURES, Account
from tests.handlers.conftest import Telegram

ALICE, BOB = 1001, 1002


async def test_a_deep_link_binds_the_account_and_greets_by_name_and_team(
    telegram: Telegram,
) -> None:
    person = telegram.people["H07-1"]
    reply = await telegram.ask(ALICE, f"/start {person.invite_code}")
    assert f"欢迎，{person.name}！" in reply
    assert "锦州市热线代表队" in reply


async def test_binding_gives_the_chat_its_role_menu(telegram: Telegram) -> None:
    calls = await telegram.send(ALICE, f"/start {telegram.people['H07-1'].invite_code}")
    menus = [call for call in calls if isinstance(call, SetMyCommands)]
    assert len(menus) == 1
    assert menus[0].scope == BotCommandScopeChat(chat_id=ALICE)
    assert "next" in [command.command for command in menus[0].commands]


async def test_a_person_who_prefers_english_is_greeted_in_english(telegram: Telegram) -> None:
    judge = next(p for p in telegram.people.values() if p.locale is not None)
    reply = await telegram.ask(ALICE, f"/start {judge.invite_code}")
    assert reply.startswith(f"Welcome, {judge.name}! You are registered as judge.")


async def test_start_without_a_code_asks_for_it_and_the_next_message_is_taken_as_the_code(
    telegram: Telegram,
) -> None:
    assert "邀请码" in await telegram.ask(ALICE, "/start")
    code = telegram.people["W03-2"].invite_code
    assert code is not None
    reply = await telegram.ask(ALICE, code.lower())
    assert telegram.people["W03-2"].name in reply


async def test_a_code_sent_without_start_is_recognised(telegram: Telegram) -> None:
    code = telegram.people["H01-L"].invite_code
    assert code is not None
    reply = await telegram.ask(ALICE, f"{code[:4]}-{code[4:]}")
    assert "领队" in reply


async def test_a_wrong_code_says_so_and_how_many_attempts_are_left(telegram: Telegram) -> None:
    reply = await telegram.ask(ALICE, "/start WRONG234")
    assert "邀请码不存在" in reply or "不匹配" in reply
    assert str(MAX_FAILURES - 1) in reply


async def test_too_many_wrong_codes_lock_entry_even_for_the_right_code(
    telegram: Telegram,
) -> None:
    for _ in range(MAX_FAILURES):
        last = await telegram.ask(ALICE, "/start WRONG234")
    assert "错误次数过多" in last
    right = telegram.people["H07-1"]
    assert "错误次数过多" in await telegram.ask(ALICE, f"/start {right.invite_code}")


async def test_an_invite_already_used_by_another_account_is_refused(telegram: Telegram) -> None:
    code = telegram.people["H07-1"].invite_code
    await telegram.send(ALICE, f"/start {code}")
    reply = await telegram.ask(BOB, f"/start {code}")
    assert "组织者" in reply


async def test_a_bound_account_cannot_take_a_second_person(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ALICE, f"/start {telegram.people['H07-2'].invite_code}")
    assert telegram.people["H07-1"].name in reply
    assert "组织者" in reply


async def test_start_again_after_joining_welcomes_back(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    assert telegram.people["H07-1"].name in await telegram.ask(ALICE, "/start")


async def test_a_repeated_start_update_binds_once_and_answers_calmly(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ALICE, f"/start {telegram.people['H07-1'].invite_code}")
    assert "已登记" in reply


async def test_every_reply_is_a_valid_message(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    assert all(isinstance(call, SendMessage | SetMyCommands) for call in telegram.session.calls)


async def test_while_a_code_is_awaited_anything_typed_is_checked_as_a_code(
    telegram: Telegram,
) -> None:
    await telegram.send(ALICE, "/start")
    reply = await telegram.ask(ALICE, "明天有什么安排")
    assert "不匹配" in reply
    assert "没听懂" not in reply


async def test_cancel_ends_waiting_for_a_code(telegram: Telegram) -> None:
    await telegram.send(ALICE, "/start")
    assert "已取消" in await telegram.ask(ALICE, "/cancel")
    assert "9月26日" in await telegram.ask(ALICE, "今天有什么安排")


async def test_an_account_stored_with_a_groups_chat_is_put_right_on_binding(
    telegram: Telegram,
) -> None:
    async with telegram.database.unit_of_work() as uow:
        await uow.accounts.save(Account(ALICE, -1001, telegram.clock.now()))
        await uow.commit()
    await telegram.join(ALICE, "H07-1")
    async with telegram.database.unit_of_work() as uow:
        account = await uow.accounts.by_telegram_id(ALICE)
    assert account is not None
    assert account.chat_id == ALICE
