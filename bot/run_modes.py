"""How the bot runs: by long polling (everything in one process), as a webhook instance
(updates only), or as a worker (the background work, while it leads).

Polling and the worker take the leader lease before the background work starts, so a second
copy started by mistake stands by instead of sending everything twice; polling also holds the
polling lease, since Telegram gives updates to one poller only.
"""

import asyncio
import logging
import signal
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress

from aiogram import Bot, Dispatcher
from aiohttp import web

from bot.adapters.redis_client import create_redis, redis_answers
from bot.app import background, create_bot, create_context, create_dispatcher, on_startup
from bot.cli.console import UserError
from bot.config import Settings
from bot.domain.problems import N_
from bot.services.leadership import keep, lead
from bot.telegram.pacing import close_pacing
from bot.telegram.webhook import Check, create_webhook_app
from storage import instances
from storage.database import Database
from storage.engine import Pool
from storage.leases import LEADER, POLLING, create_lease

log = logging.getLogger(__name__)
ALREADY_POLLING = N_(
    "Another copy of the bot is already polling Telegram with this database, and Telegram "
    "gives updates to one poller only. Stop it first, or run webhook instances and a worker "
    "(see docs/deploy.md)."
)
WEBHOOK_SETTINGS = N_(
    "Webhook mode needs WEBHOOK_URL (the public URL Telegram posts to) and WEBHOOK_SECRET "
    "(see .env.example)."
)
NEEDS_REDIS = N_(
    "Another webhook instance is running ({other}) and REDIS_URL is not set: several "
    "instances share dialogues only through Redis. Set REDIS_URL on every instance."
)


async def run_polling(settings: Settings) -> None:
    """Long polling until SIGINT/SIGTERM, with the background work while this process leads."""
    async with opened(settings) as database:
        polling = create_lease(settings.database_url, database.engine, POLLING)
        if not await polling.hold():
            await polling.release()
            raise UserError(ALREADY_POLLING)
        log.info("polling: this process holds the polling lease")
        bot = create_bot(settings)
        context = create_context(settings, database)
        dispatcher = create_dispatcher(context)
        dispatcher.startup.register(on_startup)
        stop = asyncio.Event()
        leader = create_lease(settings.database_url, database.engine, LEADER)
        leading = asyncio.create_task(lead(leader, lambda: background(context, bot), stop))
        keeping = asyncio.create_task(keep(polling, dispatcher.stop_polling))
        try:
            await dispatcher.start_polling(bot, handle_signals=True, close_bot_session=False)
        finally:
            keeping.cancel()
            stop.set()
            await leading
            await polling.release()
            await dispatcher.storage.close()
            await close_pacing(bot)
            await bot.session.close()


async def run_worker(settings: Settings) -> None:
    """The outbox's sender, the reminders and the practice sets, while this process leads."""
    async with opened(settings) as database:
        bot = create_bot(settings)
        context = create_context(settings, database)
        stop = stopped_by_signals()
        leader = create_lease(settings.database_url, database.engine, LEADER)
        try:
            await lead(leader, lambda: background(context, bot), stop)
        finally:
            await close_pacing(bot)
            await bot.session.close()


async def run_webhook(settings: Settings) -> None:
    """Serves Telegram's updates on WEBHOOK_HOST:WEBHOOK_PORT until SIGINT/SIGTERM. Nothing in
    the background: the worker sends, reminds and pushes. A live event's re-plan here is
    written to the database; the worker's scheduler picks it up at its next minutely resync."""
    if not settings.webhook_url or settings.webhook_secret is None:
        raise UserError(WEBHOOK_SETTINGS)
    async with opened(settings) as database:
        instance = f"{socket.gethostname()[:40]}:{settings.webhook_port}"
        others = await instances.others_alive(database.engine, instance, instances.WEBHOOK)
        if others and not settings.redis_url:
            raise UserError(NEEDS_REDIS, other=", ".join(others))
        bot = create_bot(settings)
        dispatcher = create_dispatcher(create_context(settings, database))
        dispatcher.startup.register(on_startup)
        dispatcher.startup.register(register_webhook(settings, dispatcher))
        redis = create_redis(settings)
        checks: dict[str, Check] = {"database": lambda: instances.database_answers(database.engine)}
        if redis is not None:
            checks["redis"] = lambda: redis_answers(redis)
        secret = settings.webhook_secret.get_secret_value()
        app = create_webhook_app(dispatcher, bot, settings.webhook_url, secret, checks)
        runner = web.AppRunner(app, handle_signals=False)
        await runner.setup()
        stop = stopped_by_signals()
        heartbeat = asyncio.create_task(
            beating(database, instance, uses_redis=redis is not None, stop=stop)
        )
        try:
            await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
            log.info("webhook: serving on %s:%s", settings.webhook_host, settings.webhook_port)
            await stop.wait()
        finally:
            stop.set()
            await heartbeat
            await instances.forget(database.engine, instance)
            await runner.cleanup()  # shuts the dispatcher down and closes the bot's session
            await close_pacing(bot)
            await dispatcher.storage.close()
            if redis is not None:
                await redis.aclose()


def register_webhook(
    settings: Settings, dispatcher: Dispatcher
) -> Callable[[Bot], Awaitable[None]]:
    """The startup step that tells Telegram where to post, with the secret and the update types
    the routers handle."""

    async def set_webhook(bot: Bot) -> None:
        assert settings.webhook_url
        assert settings.webhook_secret
        await bot.set_webhook(
            settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=dispatcher.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        log.info("webhook: Telegram posts updates to %s", settings.webhook_url)

    return set_webhook


async def beating(database: Database, instance: str, uses_redis: bool, stop: asyncio.Event) -> None:
    """Refreshes this instance's heartbeat until `stop`; a missed beat is only logged."""
    every = instances.HEARTBEAT_EVERY.total_seconds()
    while not stop.is_set():
        try:
            await instances.beat(database.engine, instance, instances.WEBHOOK, uses_redis)
        except Exception as error:  # the database may be down for a moment; readyz says so
            log.warning("webhook: heartbeat not recorded: %r", error)
        with suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


def stopped_by_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    return stop


@asynccontextmanager
async def opened(settings: Settings) -> AsyncIterator[Database]:
    database = await Database.open(settings.database_url, pool=Pool.of(settings))
    try:
        yield database
    finally:
        await database.close()
