"""The command menus Telegram shows: one per language by default, one per chat by role."""

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.domain.commands import COMMANDS
from bot.domain.enums import Locale, Role
from bot.texts.help import DESCRIPTIONS
from bot.texts.texts import Texts


def menu(role: Role | None, t: Texts) -> list[BotCommand]:
    return [
        BotCommand(command=command.value, description=t(DESCRIPTIONS[command]))
        for command in COMMANDS[role]
    ]


async def set_default_menus(bot: Bot, texts: dict[Locale, Texts], default: Locale) -> None:
    """Followers' menu: the default language for everyone, English for English clients."""
    scope = BotCommandScopeDefault()
    await bot.set_my_commands(menu(None, texts[default]), scope=scope)
    for locale, t in texts.items():
        await bot.set_my_commands(menu(None, t), scope=scope, language_code=_code(locale))


async def set_chat_menu(bot: Bot, chat_id: int, role: Role | None, t: Texts) -> None:
    await bot.set_my_commands(menu(role, t), scope=BotCommandScopeChat(chat_id=chat_id))


def _code(locale: Locale) -> str:
    """Telegram's language codes are two letters."""
    return locale.value.split("-")[0]
