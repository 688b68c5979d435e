"""Filters as coroutines (aiogram runs synchronous magic filters in a thread each time), and
the command parser the context middleware uses once per update."""

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import Message

from bot.domain.commands import Command


class IsCommand(Filter):
    """One of these commands. The context middleware parsed the text once and handed on
    `command_name`, so each command's check is a set lookup, not a second parse."""

    def __init__(self, *commands: Command | str) -> None:
        self.commands = frozenset(str(command) for command in commands)

    async def __call__(self, message: Message, command_name: str | None = None) -> bool:
        return command_name in self.commands


class AnyCommand(Filter):
    """A command nobody before took: unknown, or of a feature the viewer does not have."""

    async def __call__(self, message: Message, command_name: str | None = None) -> bool:
        return command_name is not None


class PlainText(Filter):
    """Text that is no command, in a private chat: a question, or the answer to a dialogue's
    step. In a team's group, talk among the members is not addressed to the bot."""

    async def __call__(self, message: Message, command_name: str | None = None) -> bool:
        return (
            command_name is None
            and message.text is not None
            and message.chat.type == ChatType.PRIVATE
        )


class HasFile(Filter):
    """A photo or a document, the attachments an announcement may carry."""

    async def __call__(self, message: Message) -> bool:
        return bool(message.photo) or message.document is not None


def parse_command(text: str | None, bot_username: str | None) -> tuple[str, str] | None:
    """('next', 'args') for '/next args' or '/next@this_bot args'; None for anything else."""
    if not text or not text.startswith("/"):
        return None
    head, _, args = text[1:].partition(" ")
    name, _, mention = head.partition("@")
    if mention and bot_username and mention.lower() != bot_username.lower():
        return None  # a command for another bot in a group
    return name.lower(), args.strip()
