"""Per update: one unit of work (commit on success), the viewer, their language, their rights."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, TelegramObject, Update, User

from bot.domain.commands import Command, allowed
from bot.domain.problems import N_
from bot.services.accounts import resolve_viewer
from bot.texts.texts import Texts
from handlers.context import BotContext
from handlers.filters import parse_command
from handlers.request import Request

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
GUARDED = {command.value: command for command in Command}


class ContextMiddleware(BaseMiddleware):
    """Opens the unit of work, resolves who is writing, and refuses commands beyond their role.

    A message's command is parsed here once and handed on as `command_name`.
    """

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        app: BotContext = data["app"]
        user: User | None = data.get("event_from_user")
        state: FSMContext | None = data.get("state")
        if state is None:
            # aiogram gives a dialogue state to a person in a chat only: anything else (a
            # channel post, a poll, a reaction count, an update type it does not know) is nobody's.
            return None
        async with app.unit_of_work() as uow:
            snapshot = await app.contests.get(uow)
            account = await app.accounts.get(uow, user.id) if user else None
            viewer = resolve_viewer(account, snapshot, app.settings.default_locale)
            t = Texts(viewer.locale, snapshot.zone if snapshot else app.zone)
            message = event.message if isinstance(event, Update) else None
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
            command = GUARDED.get(name or "")
            if message is not None and command is not None and not allowed(viewer.role, command):
                await message.answer(
                    t(N_("Sorry, /{command} is not available to you. /help shows what you can do."),
                      command=command.value)
                )  # fmt: skip
                return None
            result = await handler(event, data)
            await uow.commit()
            return result

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
