"""Filters as coroutines (aiogram runs synchronous magic filters in a thread each time), and
the command parser the context middleware uses once per update."""

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import Message, User

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


# Accounts of Telegram's own that stand for no person. Every anonymous group admin writes as
# GroupAnonymousBot; posts on behalf of a channel come from Channel_Bot; a channel's posts
# copied into its discussion group come from Telegram's service account.
GROUP_ANONYMOUS_BOT, CHANNEL_BOT, TELEGRAM_SERVICE = 1087968824, 136817688, 777000
SPEAK_FOR_NOBODY = frozenset({GROUP_ANONYMOUS_BOT, CHANNEL_BOT, TELEGRAM_SERVICE})


def speaks_for_nobody(user: User | None, message: Message | None = None) -> bool:
    """Sent on behalf of a chat (an anonymous admin, a channel) or by one of Telegram's own
    accounts: nobody in particular is writing, so nobody is bound, recognised or given rights."""
    if user is not None and user.id in SPEAK_FOR_NOBODY:
        return True
    return message is not None and message.sender_chat is not None


def parse_command(text: str | None, bot_username: str | None) -> tuple[str, str] | None:
    """('next', 'args') for '/next args' or '/next@this_bot args'; None for anything else."""
    if not text or not text.startswith("/"):
        return None
    head, _, args = text[1:].partition(" ")
    name, _, mention = head.partition("@")
    if mention and bot_username and mention.lower() != bot_username.lower():
        return None  # a command for another bot in a group
    return name.lower(), args.strip()
