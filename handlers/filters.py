"""Message filters as coroutines: aiogram runs synchronous (magic) filters in a thread each time.

The command of a message is parsed once per update by the context middleware and handed to
these filters as `command_name`, instead of every command filter parsing the text again.
"""

from aiogram.filters import Filter
from aiogram.types import Message


class PlainText(Filter):
    """A text message that is not a command."""

    async def __call__(self, message: Message) -> bool:
        return message.text is not None and not message.text.startswith("/")


class CommandLike(Filter):
    """Any command; the routers of commands skip everything else in one check."""

    async def __call__(self, message: Message, command_name: str | None = None) -> bool:
        return command_name is not None


class IsCommand(Filter):
    def __init__(self, name: str) -> None:
        self.name = name

    async def __call__(self, message: Message, command_name: str | None = None) -> bool:
        return command_name == self.name


def parse_command(text: str | None, bot_username: str | None) -> tuple[str, str] | None:
    """('next', 'args') for '/next args' or '/next@this_bot args'; None for anything else."""
    if not text or not text.startswith("/"):
        return None
    head, _, args = text[1:].partition(" ")
    name, _, mention = head.partition("@")
    if mention and bot_username and mention.lower() != bot_username.lower():
        return None  # a command for another bot in a group
    return name.lower(), args.strip()
