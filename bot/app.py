"""The composition root: settings, database, bot, dispatcher. Nothing is built at import time."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

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
from bot.heap import freeze_after_startup
from bot.services.accounts import AccountCache
from bot.services.clock import SystemClock
from bot.services.contest_cache import ContestCache
from bot.services.ports import Clock
from bot.services.questions import QuestionReader
from bot.services.sender import Sender
from bot.telegram.transport import BotTransport, StoredMedia
from bot.texts.texts import Texts
from bot.views import BotViews
from handlers import create_routers
from handlers.context import BotContext
from handlers.menus import set_default_menus
from handlers.middlewares import ContextMiddleware
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


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    if session is None and settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def create_storage(settings: Settings) -> BaseStorage:
    """Where dialogues (a draft announcement, a typed answer awaited) live: in Redis they
    survive a restart and are shared by several instances; in memory they do not."""
    if not settings.redis_url:
        return MemoryStorage()
    from aiogram.fsm.storage.redis import RedisStorage  # redis loads only when configured

    return RedisStorage.from_url(
        settings.redis_url,
        key_builder=DefaultKeyBuilder(prefix="contest-assistant", with_bot_id=True),
        state_ttl=DIALOGUE_TTL,
        data_ttl=DIALOGUE_TTL,
    )


def create_dispatcher(context: BotContext) -> Dispatcher:
    dispatcher = Dispatcher(storage=create_storage(context.settings), app=context)
    dispatcher.update.outer_middleware(ContextMiddleware())
    dispatcher.include_routers(*create_routers())
    return dispatcher


async def on_startup(bot: Bot, app: BotContext) -> None:
    texts = {locale: Texts(locale, app.zone) for locale in Locale}
    await set_default_menus(bot, texts, app.settings.default_locale)
    me = await bot.get_me()
    log.info("running as @%s", me.username)
    freeze_after_startup()
    app.contests.after_reload(freeze_after_startup)


def create_sender(context: BotContext, bot: Bot) -> Sender:
    return Sender(
        context.unit_of_work,
        BotTransport(bot, StoredMedia(context.unit_of_work)),
        context.clock,
        rate=context.settings.send_rate,
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


async def run_polling(settings: Settings) -> None:
    """Long polling until SIGINT/SIGTERM, which aiogram turns into a clean stop."""
    database = await Database.open(settings.database_url)
    bot = create_bot(settings)
    context = create_context(settings, database)
    dispatcher = create_dispatcher(context)
    dispatcher.startup.register(on_startup)
    try:
        async with background(context, bot):
            await dispatcher.start_polling(bot, handle_signals=True, close_bot_session=False)
    finally:
        await dispatcher.storage.close()
        await bot.session.close()
        await database.close()
