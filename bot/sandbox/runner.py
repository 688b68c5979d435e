"""The sandbox as a whole: fake Bot API and web chat on one port, the unchanged bot polling it."""

import asyncio
import logging
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Self
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher
from aiohttp import web
from pydantic import SecretStr

from bot.app import (
    background,
    create_bot,
    create_context,
    create_dispatcher,
    on_startup,
)
from bot.config import Settings
from bot.demo.contest import demo_document
from bot.domain.snapshot import ContestSnapshot
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.sandbox.bot_api import bot_api_routes
from bot.sandbox.limits import RateLimiter
from bot.sandbox.persistence import StateFile, state_folder
from bot.sandbox.rehearsal import ClockNote, first_morning
from bot.sandbox.state import SandboxState
from bot.sandbox.web import web_routes
from bot.services.clock import RehearsalClock, SystemClock
from bot.services.contest_cache import ContestCache
from bot.services.contest_import import import_contest
from bot.services.ports import Clock
from bot.views import BotViews
from storage.database import Database

log = logging.getLogger(__name__)
SANDBOX_TOKEN = "1:SANDBOX"
POLLING_TIMEOUT = 10
SAVE_EVERY = 1.0  # seconds between saves of the chats, when they changed


async def load_demo_if_empty(database: Database) -> bool:
    async with database.unit_of_work() as uow:
        if await uow.contest.revision() is not None:
            return False
    draft, problems = parse_document(document_from_mapping(demo_document()))
    result = await import_contest(database.unit_of_work, draft, problems, views=BotViews())
    return result.applied


class Sandbox:
    """`async with Sandbox(...) as sandbox:` runs everything until the block ends."""

    def __init__(
        self,
        settings: Settings,
        host: str = "127.0.0.1",
        port: int = 8080,
        clock: Clock | None = None,
        rate_limit: bool = False,
        speed: float = 1.0,
    ) -> None:
        self.settings = settings
        self.host = host
        self.port = port
        self.clock = clock
        self.speed = speed  # of the rehearsal clock the sandbox starts by itself
        self.note: ClockNote | None = None
        self.state = SandboxState()
        self.store = StateFile(state_folder(settings.database_url))
        self._saving: asyncio.Task[None] | None = None
        self.limiter = RateLimiter() if rate_limit else None
        self._runner: web.AppRunner | None = None
        self._polling: asyncio.Task[None] | None = None
        self._dispatcher: Dispatcher | None = None
        self._sending: AbstractAsyncContextManager[None] | None = None
        self.database: Database | None = None
        self.contests: ContestCache | None = None
        self.bot: Bot | None = None

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{shown}:{self.port}/"

    async def __aenter__(self) -> Self:
        self.database = await Database.open(self.settings.database_url)
        try:
            if self.store.load(self.state):
                log.info("chats restored from %s", self.store.folder)
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("starting with no chats: %s could not be read (%s)", self.store.folder,
                        error)  # fmt: skip
        await load_demo_if_empty(self.database)
        await self._choose_clock(self.database)
        context = create_context(self.settings, self.database, self.clock)
        self.contests = context.contests
        app = web.Application()
        app.add_routes(bot_api_routes(self.state, self.limiter))
        app.add_routes(web_routes(self.state, self.database, context.contests, self.note))
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._bound_port(site)
        api = f"http://127.0.0.1:{self.port}"
        bot_settings = self.settings.model_copy(
            update={"bot_token": SecretStr(SANDBOX_TOKEN), "telegram_api_url": api}
        )
        self.bot = create_bot(bot_settings)
        self._dispatcher = create_dispatcher(context)
        self._dispatcher.startup.register(on_startup)
        self._sending = background(context, self.bot)
        await self._sending.__aenter__()
        self._polling = asyncio.create_task(
            self._dispatcher.start_polling(
                self.bot, handle_signals=False, polling_timeout=POLLING_TIMEOUT
            )
        )
        self._saving = asyncio.create_task(self._keep_saving())
        return self

    async def _keep_saving(self) -> None:
        while True:
            await asyncio.sleep(SAVE_EVERY)
            self._save()

    def _save(self) -> None:
        try:
            self.store.save(self.state)
        except OSError as error:  # a full disk or a read-only folder must not stop the chat
            log.warning("could not keep the chats in %s: %s", self.store.folder, error)

    async def _choose_clock(self, database: Database) -> None:
        """A --clock rehearsal is named on the page; without one, a contest not on today is
        rehearsed from its first morning."""
        if isinstance(self.clock, RehearsalClock):
            zone = ZoneInfo(self.settings.timezone)
            self.note = ClockNote(self.clock.start, zone, automatic=False)
            return
        if self.clock is not None:
            return
        async with database.unit_of_work() as uow:
            data = await uow.contest.load()
            revision = await uow.contest.revision()
        if data is None:
            return
        snapshot = ContestSnapshot.build(data, revision or 0)
        start = first_morning(snapshot, SystemClock().now())
        if start is not None:
            self.clock = RehearsalClock(start, self.speed)
            self.note = ClockNote(start, snapshot.zone, automatic=True)
            log.info("the contest is not on today; rehearsing from %s", start)

    @staticmethod
    def _bound_port(site: web.TCPSite) -> int:
        server = site._server  # aiohttp keeps the listening sockets here
        sockets = getattr(server, "sockets", None) or []
        return int(sockets[0].getsockname()[1])

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.state.release_waiters()
        if self._sending is not None:
            await self._sending.__aexit__(None, None, None)
        if self._dispatcher is not None and self._polling is not None:
            if self._dispatcher._running_lock.locked():
                await self._dispatcher.stop_polling()
            await asyncio.gather(self._polling, return_exceptions=True)
        if self._dispatcher is not None:
            await self._dispatcher.storage.close()
        if self.bot is not None:
            await self.bot.session.close()
        if self._saving is not None:
            self._saving.cancel()
            await asyncio.gather(self._saving, return_exceptions=True)
        self._save()
        if self._runner is not None:
            await self._runner.cleanup()
        if self.database is not None:
            await self.database.close()


async def serve_forever(sandbox: Sandbox, announce: str) -> None:
    async with sandbox:
        log.info("sandbox ready at %s", sandbox.url)
        print(announce.format(url=sandbox.url), flush=True)
        await asyncio.Event().wait()
