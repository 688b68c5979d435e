"""Start-up: menus for followers in each language, and the bot introduces itself."""

from aiogram.methods import GetMe, SetMyCommands
from aiogram.types import BotCommandScopeDefault

from bot.app import on_startup
from tests.handlers.conftest import Telegram


async def test_startup_sets_the_follower_menu_in_both_languages(telegram: Telegram) -> None:
    await on_startup(telegram.bot, telegram.dispatcher["app"])
    menus = [call for call in telegram.session.calls if isinstance(call, SetMyCommands)]
    assert [menu.language_code for menu in menus] == [None, "zh", "en"]
    assert all(menu.scope == BotCommandScopeDefault() for menu in menus)
    english = {c.command: c.description for c in menus[2].commands}
    assert english["today"] == "Today's programme"
    assert "next" not in english
    assert any(isinstance(call, GetMe) for call in telegram.session.calls)
