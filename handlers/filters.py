"""Filters as coroutines (aiogram runs synchronous magic filters in a thread each time), and
the command parser the context middleware uses once per update."""

from aiogram.filters import Filter
from aiogram.types import Message


class HasText(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.text is not None


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
