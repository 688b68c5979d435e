"""The composition root: settings, database, bot, dispatcher. Nothing is built at import time."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from bot.heap import freeze_after_startup, imports_uncollected

with imports_uncollected():
    from aiogram import Bot, Dispatcher
    from aiogram.client.default import DefaultBotProperties
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.session.base import BaseSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.enums import ParseMode
    from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
    from aiogram.fsm.storage.memory import MemoryStorage

    from bot.adapters.fsrs_scheduler import fsrs_scheduler
    from bot.adapters.jieba_segmenter import jieba_segmenter
    from bot.adapters.opencc_script import opencc_script
    from bot.config import Settings
    from bot.domain.enums import Locale
    from bot.services.accounts import AccountCache
    from bot.services.clock import SystemClock
    from bot.services.contest_cache import ContestCache
    from bot.services.handled_updates import HandledUpdates, SharedUpdateRecord
    from bot.services.ports import Clock
    from bot.services.questions import QuestionReader
    from bot.services.rate_limit import RateLimit
    from bot.services.sender import Sender
    from bot.telegram.pacing import attach_pacing, create_rate_limit, rate_limit_of
    from bot.telegram.transport import BotTransport, StoredMedia
    from bot.texts.texts import Texts
    from bot.views import BotViews
    from handlers import busy, create_routers
    from handlers.context import BotContext
    from handlers.menus import set_default_menus
    from handlers.middlewares import ContextMiddleware
    from handlers.once import OnceMiddleware
    from schedules.practice import PracticeJobs
    from schedules.reminders import ReminderJobs, create_scheduler
    from storage.database import Database

log = logging.getLogger(__name__)
DIALOGUE_TTL = timedelta(days=7)  # a dialogue left unfinished longer is forgotten


def create_context(
    settings: Settings, database: Database, clock: Clock | None = None
) -> BotContext:
    clock = clock or SystemClock()
    contests = ContestCache(clock)
    scheduler = create_scheduler()
    views = BotViews()
    reminders = ReminderJobs(
        scheduler, database.unit_of_work, contests, clock, settings.reminder_policy, views
    )
    practice = PracticeJobs(
        scheduler, database.unit_of_work, contests, clock, settings.lockdowns, views
    )
    return BotContext(
        settings=settings,
        unit_of_work=database.unit_of_work,
        clock=clock,
        contests=contests,
        accounts=AccountCache(clock),
        reminders=reminders,
        practice=practice,
        rules=settings.rules,
        segmenter=jieba_segmenter(),
        reviews=fsrs_scheduler(),
        views=views,
        questions=QuestionReader(opencc_script()),
    )


def create_bot(
    settings: Settings, session: BaseSession | None = None, rate_limit: RateLimit | None = None
) -> Bot:
    """The bot, its every message keeping to the deployment's rate limit. A session the caller
    brings (a test's, a bench's) keeps to `rate_limit` only if the caller brings one too."""
    network = session is None
    if session is None and settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    bot = Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    if rate_limit is None and network:
        rate_limit = create_rate_limit(settings, bot.id)
    if rate_limit is not None:
        attach_pacing(bot, rate_limit)
    return bot


def create_storage(settings: Settings) -> BaseStorage:
    """Where dialogues (a draft announcement, a typed answer awaited) live: in Redis they
    survive a restart and are shared by several instances; in memory they do not."""
    if not settings.redis_url:
        return MemoryStorage()
    # redis loads only when configured
    from aiogram.fsm.storage.redis import RedisStorage

    from bot.telegram.tolerant_storage import TolerantStorage

    # Redis down must not take every update with it: see TolerantStorage.
    return TolerantStorage(
        RedisStorage.from_url(
            settings.redis_url,
            connection_kwargs={
                "max_connections": settings.redis_pool_size,
                "socket_timeout": settings.redis_timeout,
                "socket_connect_timeout": settings.redis_timeout,
            },
            key_builder=DefaultKeyBuilder(prefix="contest-assistant", with_bot_id=True),
            state_ttl=DIALOGUE_TTL,
            data_ttl=DIALOGUE_TTL,
        )
    )


def create_dispatcher(context: BotContext) -> Dispatcher:
    storage = create_storage(context.settings)
    dispatcher = Dispatcher(storage=storage, app=context)
    updates = HandledUpdates(context.unit_of_work, context.clock, shared_record(storage))
    dispatcher.update.outer_middleware(OnceMiddleware(updates))
    dispatcher.update.outer_middleware(ContextMiddleware())
    dispatcher.include_routers(busy.create_router(), *create_routers())
    return dispatcher


def shared_record(storage: BaseStorage) -> SharedUpdateRecord | None:
    """The record of handled updates on the dialogues' Redis (inside the tolerant wrapper), if
    they live in Redis."""
    if isinstance(storage, MemoryStorage):
        return None
    from bot.adapters.redis_update_record import shared_update_record
    from bot.telegram.tolerant_storage import TolerantStorage

    return shared_update_record(storage.inner if isinstance(storage, TolerantStorage) else storage)


async def on_startup(bot: Bot, app: BotContext) -> None:
    texts = {locale: Texts(locale, app.zone) for locale in Locale}
    await set_default_menus(bot, texts, app.settings.default_locale)
    me = await bot.get_me()
    log.info("running as @%s", me.username)
    freeze_after_startup()
    app.contests.after_reload(freeze_after_startup)


def create_sender(context: BotContext, bot: Bot) -> Sender:
    """The sender keeps to the limit the bot's replies keep to (one limit for both)."""
    return Sender(
        context.unit_of_work,
        BotTransport(bot, StoredMedia(context.unit_of_work)),
        context.clock,
        rate=context.settings.send_rate,
        pacer=rate_limit_of(bot),
        in_flight=context.settings.send_in_flight,
    )


@asynccontextmanager
async def sending(sender: Sender) -> AsyncIterator[None]:
    """Drains the outbox while the block runs; leaving waits for the message in flight."""
    await sender.recover()
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop))
    try:
        yield
    finally:
        stop.set()
        await task


@asynccontextmanager
async def background(context: BotContext, bot: Bot) -> AsyncIterator[None]:
    """The outbox's sender, the reminder jobs and the daily practice sets work while the block
    runs."""
    async with sending(create_sender(context, bot)):
        context.practice.start()
        context.reminders.start()  # starts the scheduler both share
        try:
            yield
        finally:
            await context.practice.stop()
            await context.reminders.stop()
