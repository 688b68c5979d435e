"""Rights are checked on the server; junk, stale buttons and failures always get an answer."""

from typing import cast

import pytest
from aiogram import Router
from aiogram.methods import AnswerCallbackQuery, GetMe, SendMessage

from bot.domain.commands import COMMANDS
from handlers import create_routers
from handlers.filters import IsCommand
from handlers.keyboards import MenuAction
from tests.handlers.conftest import Telegram

ALICE, ORGANIZER, CAROL = 3001, 3002, 3003


@pytest.mark.parametrize(("person", "command"), [("H07-1", "/onboarding"), ("J1", "/team")])
async def test_a_command_outside_ones_role_is_refused_politely(
    telegram: Telegram, person: str, command: str
) -> None:
    await telegram.join(ALICE, person)
    reply = await telegram.ask(ALICE, command)
    assert "不可用" in reply
    assert "/help" in reply


async def test_a_follower_has_no_team_turn(telegram: Telegram) -> None:
    assert "不可用" in await telegram.ask(ALICE, "/next")


async def test_help_lists_what_this_role_can_do(telegram: Telegram) -> None:
    await telegram.join(ORGANIZER, "ORG1")
    reply = await telegram.ask(ORGANIZER, "/help")
    assert "/onboarding" in reply
    assert "/next" not in reply


async def test_an_organizer_sees_who_has_not_joined(telegram: Telegram) -> None:
    await telegram.join(ORGANIZER, "ORG1")
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ORGANIZER, "/onboarding")
    assert "2 / 172" in reply or "172 人中已有 2 人" in reply
    assert telegram.people["H01-1"].name in reply


async def test_an_organizer_releases_an_invite_for_a_new_account(telegram: Telegram) -> None:
    await telegram.join(ORGANIZER, "ORG1")
    await telegram.join(ALICE, "H07-1")
    assert "H07-1" in await telegram.ask(ORGANIZER, "/unbind H07-1")
    reply = await telegram.ask(CAROL, f"/start {telegram.people['H07-1'].invite_code}")
    assert telegram.people["H07-1"].name in reply


async def test_releasing_someone_who_never_joined_says_so(telegram: Telegram) -> None:
    await telegram.join(ORGANIZER, "ORG1")
    assert "H07-1" in await telegram.ask(ORGANIZER, "/unbind H07-1")
    assert "/unbind" in await telegram.ask(ORGANIZER, "/unbind")


async def test_an_unknown_command_gets_the_help(telegram: Telegram) -> None:
    reply = await telegram.ask(ALICE, "/fly")
    assert "/today" in reply


async def test_a_message_without_text_gets_a_reply_with_buttons(telegram: Telegram) -> None:
    from aiogram.types import Chat, Message, Sticker, Update

    sticker = Sticker(
        file_id="x", file_unique_id="y", type="regular", width=1, height=1,
        is_animated=False, is_video=False,
    )  # fmt: skip
    message = Message(
        message_id=1,
        date=telegram.clock.now(),
        chat=Chat(id=ALICE, type="private"),
        from_user=telegram.user(ALICE),
        sticker=sticker,
    )
    await telegram.dispatcher.feed_update(telegram.bot, Update(update_id=99, message=message))
    reply = telegram.session.sent()[-1]
    assert reply.reply_markup is not None


@pytest.mark.parametrize("data", ["sp:x", "m:fly", "lang:fr", "nonsense", "sp:1:2:3", ""])
async def test_forged_callback_data_is_refused_politely(telegram: Telegram, data: str) -> None:
    calls = await telegram.press(ALICE, data)
    assert [type(call) for call in calls] == [AnswerCallbackQuery]
    assert cast(AnswerCallbackQuery, calls[0]).show_alert is True


async def test_a_menu_button_for_another_role_is_refused(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    calls = await telegram.press(ALICE, MenuAction(command="onboarding").pack())
    assert [type(call) for call in calls] == [AnswerCallbackQuery]


async def test_a_menu_button_answers_like_the_command(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    calls = await telegram.press(ALICE, MenuAction(command="next").pack())
    assert any(isinstance(c, SendMessage) and "理论考试" in c.text for c in calls)


async def test_a_failure_is_apologised_for_and_rolled_back(
    telegram: Telegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    import handlers.onboarding.start as start

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(start, "set_chat_menu", broken)
    reply = await telegram.ask(ALICE, f"/start {telegram.people['H07-1'].invite_code}")
    assert "出错了" in reply
    monkeypatch.undo()
    # The binding was rolled back: the same code still works.
    assert telegram.people["H07-1"].name in await telegram.ask(
        ALICE, f"/start {telegram.people['H07-1'].invite_code}"
    )


def registered_commands(router: Router) -> set[str]:
    """Every command some message handler of `router` or its sub-routers is filtered on."""
    names = {
        name
        for handler in router.message.handlers
        for condition in handler.filters or ()
        if isinstance(condition.callback, IsCommand)
        for name in condition.callback.commands
    }
    return names.union(*(registered_commands(child) for child in router.sub_routers))


def test_every_command_in_a_menu_has_a_handler() -> None:
    root = Router()
    root.include_routers(*create_routers())
    menus = {command for commands in COMMANDS.values() for command in commands}
    assert menus <= registered_commands(root)


async def test_a_command_addressed_to_another_bot_is_left_alone(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    calls = await telegram.send(ALICE, "/next@someone_else_bot")
    assert [type(call) for call in calls] in ([], [GetMe])  # it may ask who it is, once


async def test_a_command_addressed_to_this_bot_works(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    assert "理论考试" in await telegram.ask(ALICE, "/next@contest_bot")
