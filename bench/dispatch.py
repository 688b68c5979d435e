"""Cost per update through the real dispatcher, side by side with bare aiogram anchors.

Usage (from the repository root): python -m bench.dispatch [--rounds R] [--seconds S]
    [--answers A] [--redis-url URL] [--memory]
Anchors, each a bare aiogram Dispatcher with one unfiltered handler that answers the text:
`bare` (no query), `read` (one ORM read) and `write` (one ORM write and commit), on the bot's
SQLite setup (WAL, immediate transactions) through SQLAlchemy's own aiosqlite adapter, as a bare
bot has it; `write_ours` is the write through the bot's adapter (storage.sqlite_driver), so
that the tap can be read against both. Our paths, on the demo
contest in SQLite: `/next` and a free-text question from a bound contestant; a practice
question asked (the "any kind" button) by a contestant with A past answers (default 1,500);
and a practice tap (an option of a single-choice question, a new attempt each time) by
another contestant. Updates arrive as JSON, as Telegram sends them, and are parsed once. Every
path talks to the same in-memory fake of the Bot API (no network);
the bot's clock runs with real time, so its caches expire as they do in use. Rounds are short
and interleaved; each figure is the median over rounds. The last line is
`next_ratio=… freetext_ratio=… practice_tap_ratio=… practice_question_p99_ms=…`: /next and
free text against the read anchor, the tap against the write anchor.
With --memory the bot (demo loaded) and a bare aiogram bot doing one query each answer 1,000
updates in a fresh subprocess, and it prints both resident sizes and `rss_ratio=…`.
"""

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # run as a file: the repository root is the parent folder
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram import Bot, Dispatcher, Router
from aiogram.fsm.storage.base import StorageKey
from aiogram.types import Message
from pydantic import SecretStr
from sqlalchemy import Integer, String, event, select
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.engine import create_engine, create_session_factory, sqlite_pragmas
from tests.fakes.telegram import BOT_USER, RecordingSession

if TYPE_CHECKING:
    from storage.database import Database

ZONE = ZoneInfo("Asia/Shanghai")
NOON = datetime(2024, 9, 26, 12, 0, tzinfo=ZONE)
ASKER, TAPPER = 777, 778  # the contestant asking (with the past answers) and the one tapping
WARM_UP = 0.2  # seconds of updates before timing, at least one
MEMORY_UPDATES = 1000

Feed = Callable[[], Awaitable[Any]]


class LeanSession(RecordingSession):
    """The fake Bot API without the test-time checks, and keeping no history."""

    async def make_request(self, bot: Bot, method: Any, timeout: int | None = None) -> Any:
        return self._result(method)


class RunningClock:
    """A `Clock` that starts at `start` and runs with real time."""

    def __init__(self, start: datetime) -> None:
        self._start, self._origin = start, time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)


class AnchorBase(DeclarativeBase):
    pass


class AnchorRow(AnchorBase):
    __tablename__ = "anchor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(200))


class Updates:
    """Messages and button taps from one user, each with new ids, as Telegram sends them (JSON),
    so each is parsed once, as in polling or a webhook."""

    def __init__(self, user_id: int, ids: "count[int]") -> None:
        self.user = {"id": user_id, "is_bot": False, "first_name": "Bench"}
        self.chat = {"id": user_id, "type": "private"}
        self._ids = ids

    def text(self, text: str) -> dict[str, Any]:
        number = next(self._ids)
        message = {"message_id": number, "date": int(NOON.timestamp()), "chat": self.chat,
                   "from": self.user, "text": text}  # fmt: skip
        return {"update_id": number, "message": message}

    def tap(self, data: str) -> dict[str, Any]:
        number = next(self._ids)
        shown = {"message_id": number, "date": int(NOON.timestamp()), "chat": self.chat,
                 "from": BOT_USER.model_dump(exclude_none=True), "text": "…"}  # fmt: skip
        query = {"id": str(number), "from": self.user, "chat_instance": "bench", "data": data,
                 "message": shown}  # fmt: skip
        return {"update_id": number, "callback_query": query}


def anchor_dispatcher(sessions: async_sessionmaker[AsyncSession] | None, write: bool) -> Dispatcher:
    router = Router()

    @router.message()
    async def answer(message: Message) -> None:
        text = message.text or ""
        if sessions is not None:
            async with sessions() as session:
                if write:
                    session.add(AnchorRow(text=text))
                    await session.commit()
                else:
                    row = await session.scalar(select(AnchorRow).where(AnchorRow.id == 1))
                    text = row.text if row else text
        await message.answer(text)

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def anchor_sessions(
    directory: Path, driver: str = "stock"
) -> async_sessionmaker[AsyncSession]:
    """The anchors' database: the bot's SQLite setup (WAL, immediate transactions), through
    SQLAlchemy's own aiosqlite adapter ("stock", as a bare bot has it) or through the bot's
    (storage.sqlite_driver, "ours")."""
    url = f"sqlite+aiosqlite:///{directory / f'anchor_{driver}.db'}"
    engine = create_engine(url) if driver == "ours" else stock_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(AnchorBase.metadata.create_all)
    sessions = create_session_factory(engine)
    async with sessions() as session:
        session.add(AnchorRow(id=1, text="hello"))
        await session.commit()
    return sessions


def stock_engine(url: str) -> AsyncEngine:
    engine = create_async_engine(url)
    event.listen(engine.sync_engine, "connect", sqlite_pragmas)
    event.listen(engine.sync_engine, "begin", lambda c: c.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


@dataclass
class Ours:
    dispatcher: Dispatcher
    bot: Bot
    database: "Database"
    tap_data: str  # an option of a single-choice question in the tapper's bank


def database_url(directory: Path) -> str:
    return f"sqlite+aiosqlite:///{directory / 'bench.db'}"


async def prepare_database(directory: Path, answers: int) -> str:
    """The demo imported, the asker and the tapper bound, the asker's past answers; returns the
    tap's button data."""
    # Imported here, not above: the bare anchor's --memory run must not load the bot.
    from bot.demo.contest import demo_document
    from bot.domain.accounts import Account
    from bot.domain.enums import QuestionType
    from bot.formats.parse import parse_document
    from bot.formats.yaml_reader import document_from_mapping
    from bot.services.contest_import import import_contest
    from bot.views import BotViews
    from storage.database import Database

    database = await Database.open(database_url(directory))
    draft, problems = parse_document(document_from_mapping(demo_document()))
    await import_contest(database.unit_of_work, draft, problems, views=BotViews())
    rng = random.Random(20240926)
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
        assert data is not None
        members = [p for p in data.people if p.team_code and p.id is not None]
        asker, tapper = members[0], members[1]
        for chat, person in ((ASKER, asker), (TAPPER, tapper)):
            await uow.accounts.save(Account(chat, chat, NOON, person.id))
        codes = [q.code for q in data.questions]
        assert asker.id is not None
        for n in range(answers):
            at = NOON - timedelta(minutes=rng.randint(60, 30 * 24 * 60))
            await uow.practice.record(asker.id, rng.choice(codes), f"seed:{n}", rng.random() < 0.7,
                                      Decimal(1), at)  # fmt: skip
        await uow.commit()
    await database.close()
    single = next(
        q for q in data.questions if q.type is QuestionType.SINGLE and q.track_code is None
    )
    return f"pc:{single.id}:0"


async def open_bot(directory: Path, redis_url: str | None, tap_data: str) -> Ours:
    """The bot on a prepared database, as it starts: it opens the database and runs its start-up
    (menus, and the heap frozen after start-up and after each contest reload), nothing more."""
    from bot.app import create_bot, create_context, create_dispatcher, on_startup
    from bot.config import Settings
    from storage.database import Database

    url = database_url(directory)
    database = await Database.open(url)
    settings = Settings(bot_token=SecretStr("42:BENCH"), database_url=url, redis_url=redis_url)
    bot = create_bot(settings, LeanSession())
    context = create_context(settings, database, RunningClock(NOON))
    dispatcher = create_dispatcher(context)
    await on_startup(bot, context)
    return Ours(dispatcher, bot, database, tap_data)


async def our_bot(directory: Path, redis_url: str | None, answers: int) -> Ours:
    return await open_bot(directory, redis_url, await prepare_database(directory, answers))


async def timed(feed: Feed, seconds: float) -> list[float]:
    """Per-update milliseconds over `seconds`, after a warm-up."""
    warm = time.perf_counter() + WARM_UP
    await feed()
    while time.perf_counter() < warm:
        await feed()
    costs: list[float] = []
    ends = time.perf_counter() + seconds
    while time.perf_counter() < ends:
        started = time.perf_counter()
        await feed()
        costs.append((time.perf_counter() - started) * 1000)
    return costs


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def variants(scratch: Path, ours: Ours) -> dict[str, Feed]:
    bot = Bot(token="42:BARE", session=LeanSession())
    sessions, ours_sessions = await anchor_sessions(scratch), await anchor_sessions(scratch, "ours")
    bare, read, write = (anchor_dispatcher(None, False), anchor_dispatcher(sessions, False),
                         anchor_dispatcher(sessions, True))  # fmt: skip
    write_ours = anchor_dispatcher(ours_sessions, True)
    ids = count(1_000)
    asking, tapping = Updates(ASKER, ids), Updates(TAPPER, ids)
    key = StorageKey(bot_id=ours.bot.id, chat_id=TAPPER, user_id=TAPPER)

    async def tap() -> None:
        # A new attempt each time: the dialogue does not remember this question as shown.
        await ours.dispatcher.storage.set_data(key, {})
        await ours.dispatcher.feed_raw_update(ours.bot, tapping.tap(ours.tap_data))

    def feed(dispatcher: Dispatcher, target: Bot, make: Callable[[], dict[str, Any]]) -> Feed:
        return lambda: dispatcher.feed_raw_update(target, make())

    d, b = ours.dispatcher, ours.bot
    await d.feed_raw_update(b, asking.text("/start"))
    await d.feed_raw_update(b, tapping.text("/start"))
    return {
        "bare": feed(bare, bot, lambda: asking.text("hello")),
        "read": feed(read, bot, lambda: asking.text("hello")),
        "write": feed(write, bot, lambda: asking.text("hello")),
        "write_ours": feed(write_ours, bot, lambda: asking.text("hello")),
        "next": feed(d, b, lambda: asking.text("/next")),
        "freetext": feed(d, b, lambda: asking.text("我们队几点上场？")),
        "practice_question": feed(d, b, lambda: asking.tap("pk:any")),
        "practice_tap": tap,
    }


async def measure(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        ours = await our_bot(Path(scratch), args.redis_url, args.answers)
        try:
            paths = await variants(Path(scratch), ours)
            # Interleaved short rounds, then medians: drift on a shared machine hits all alike.
            rounds: dict[str, list[list[float]]] = {name: [] for name in paths}
            for _ in range(args.rounds):
                for name, feed in paths.items():
                    rounds[name].append(await timed(feed, args.seconds))
        finally:
            await ours.dispatcher.storage.close()
            await ours.database.close()
    mean, p50, p99 = ({name: statistics.median(figure(costs) for costs in runs)
                       for name, runs in rounds.items()}
                      for figure in (statistics.fmean, statistics.median,
                                     lambda costs: quantile(costs, 0.99)))  # fmt: skip
    print(f"{'path':18} {'updates/s':>9} {'mean ms':>8} {'p50 ms':>7} {'p99 ms':>7}")
    for name in paths:
        print(f"{name:18} {1000 / mean[name]:9.0f} {mean[name]:8.2f} {p50[name]:7.2f} "
              f"{p99[name]:7.2f}")  # fmt: skip
    print(f"{args.answers} past answers behind each practice question; "
          f"{args.rounds} rounds of {args.seconds} s per path")  # fmt: skip
    print(f"practice tap against the write anchor on the bot's own SQLite driver: "
          f"{mean['practice_tap'] / mean['write_ours']:.2f}")  # fmt: skip
    print(
        f"next_ratio={mean['next'] / mean['read']:.2f} "
        f"freetext_ratio={mean['freetext'] / mean['read']:.2f} "
        f"practice_tap_ratio={mean['practice_tap'] / mean['write']:.2f} "
        f"practice_question_p99_ms={p99['practice_question']:.1f}"
    )


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


async def memory_child(which: str, prepared: Path) -> None:
    """Answers MEMORY_UPDATES updates as the bot (on the database prepared in `prepared`) or
    the bare anchor, then prints its RSS."""
    with tempfile.TemporaryDirectory() as scratch:
        if which == "bot":
            ours = await open_bot(prepared, None, "")
            asking = Updates(ASKER, count(1_000))
            await ours.dispatcher.feed_raw_update(ours.bot, asking.text("/start"))
            texts = ("/next", "我们队几点上场？")
            for n in range(MEMORY_UPDATES):
                await ours.dispatcher.feed_raw_update(ours.bot, asking.text(texts[n % 2]))
            await ours.dispatcher.storage.close()
            await ours.database.close()
        else:
            sessions = await anchor_sessions(Path(scratch))
            dispatcher, bot = anchor_dispatcher(sessions, False), Bot("42:BARE", LeanSession())
            asking = Updates(ASKER, count(1_000))
            for _ in range(MEMORY_UPDATES):
                await dispatcher.feed_raw_update(bot, asking.text("hello"))
    print(f"{resident_mib():.1f}")


def memory() -> None:
    """The database is prepared here, so the bot's process only opens it, as a bot starting does:
    importing the contest is no part of what a running bot holds."""
    here = Path(__file__).resolve()
    sizes = {}
    with tempfile.TemporaryDirectory() as prepared:
        asyncio.run(prepare_database(Path(prepared), 0))
        for which in ("bot", "bare"):
            done = subprocess.run(
                [sys.executable, str(here), "--memory-child", which, "--prepared", prepared],
                capture_output=True, text=True, check=True, cwd=here.parent.parent,
            )  # fmt: skip
            sizes[which] = float(done.stdout.split()[-1])
            print(f"{which:5} {sizes[which]:7.1f} MiB resident after {MEMORY_UPDATES} updates")
    print(f"bot_rss_mib={sizes['bot']:.1f} bare_rss_mib={sizes['bare']:.1f} "
          f"rss_ratio={sizes['bot'] / sizes['bare']:.2f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds")
    parser.add_argument("--seconds", type=float, default=0.8, help="per path per round")
    parser.add_argument("--answers", type=int, default=1500, help="the asker's past answers")
    parser.add_argument("--redis-url", help="keep dialogues in Redis, e.g. redis://127.0.0.1")
    parser.add_argument("--memory", action="store_true", help="compare resident sizes")
    parser.add_argument("--memory-child", choices=("bot", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--prepared", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        asyncio.run(memory_child(args.memory_child, args.prepared))
    elif args.memory:
        memory()
    else:
        asyncio.run(measure(args))


if __name__ == "__main__":
    main()
