"""Per update: one unit of work (commit on success), the viewer, their language, their rights."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.enums import ChatType
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, TelegramObject, Update, User

from bot.domain.commands import Command, allowed, private_only
from bot.domain.problems import N_
from bot.domain.viewer import Viewer
from bot.services.accounts import resolve_viewer
from bot.texts.texts import Texts
from handlers.context import BotContext
from handlers.filters import parse_command, speaks_for_nobody
from handlers.private_chats import ask_for_private_chat
from handlers.request import Request

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
GUARDED = {command.value: command for command in Command}


class ContextMiddleware(BaseMiddleware):
    """Opens the unit of work, resolves who is writing, and refuses commands beyond their role
    and, outside a private chat, those that are answered only there (`PRIVATE_ONLY`).

    A message's command is parsed here once and handed on as `command_name`. Whoever writes
    anonymously (for a group or a channel, or as one of Telegram's own accounts) is a viewer
    with no account: no person, no role, no rights.
    """

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        app: BotContext = data["app"]
        user: User | None = data.get("event_from_user")
        state: FSMContext | None = data.get("state")
        if state is None:
            # aiogram gives a dialogue state to a person in a chat only: anything else (a
            # channel post, a poll, a reaction count, an update type it does not know) is nobody's.
            return None
        message = event.message if isinstance(event, Update) else None
        anonymous = speaks_for_nobody(user, message)
        async with app.unit_of_work() as uow:
            snapshot = await app.contests.get(uow)
            account = await app.accounts.get(uow, user.id) if user and not anonymous else None
            viewer = resolve_viewer(account, snapshot, app.settings.default_locale)
            t = Texts(viewer.locale, snapshot.zone if snapshot else app.zone)
            name, args = await self._command(message, data)
            if name is None and message is not None and (message.text or "").startswith("/"):
                return None  # a command for another bot, in a group: not ours to answer
            data["command_name"] = name
            data["request"] = Request(
                app,
                data["bot"],
                uow,
                state,
                snapshot,
                viewer,
                t,
                args,
            )
            bot: Bot = data["bot"]
            if message and name and await self._refused(message, name, viewer, anonymous, t, bot):
                return None
            result = await handler(event, data)
            await uow.commit()
            return result

    @staticmethod
    async def _refused(
        message: Message, name: str, viewer: Viewer, anonymous: bool, t: Texts, bot: Bot
    ) -> bool:
        """Answers a command that is not for this viewer or not for this chat; False if it is."""
        command = GUARDED.get(name)
        beyond_role = command is not None and not allowed(viewer.role, command)
        if anonymous and (beyond_role or private_only(name)):
            await ask_for_private_chat(message, bot, t, anonymous=True)
        elif command is not None and beyond_role:
            await message.answer(
                t(N_("Sorry, /{command} is not available to you. /help shows what you can do."),
                  command=command.value)
            )  # fmt: skip
        elif private_only(name) and message.chat.type != ChatType.PRIVATE:
            await ask_for_private_chat(message, bot, t, anonymous=False)
        else:
            return False
        return True

    @staticmethod
    async def _command(message: Message | None, data: dict[str, Any]) -> tuple[str | None, str]:
        if message is None or not message.text:
            return None, ""
        username = None
        if "@" in message.text.split(" ", 1)[0]:
            bot: Bot = data["bot"]
            username = (await bot.me()).username
        parsed = parse_command(message.text, username)
        return parsed if parsed else (None, "")
