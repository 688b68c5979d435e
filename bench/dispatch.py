"""Updates per second through the real dispatcher: a bare echo bot versus our answers.

Usage (from the repository root): python -m bench.dispatch [--rounds R] [--seconds S]
    [--redis-url URL]
(a) a bare aiogram Dispatcher whose one handler, without filters, echoes the text; (b) our
dispatcher on the demo contest in SQLite, a bound contestant asking /next; (c) the same
contestant asking in free text.
All three talk to the same in-memory fake of the Bot API (no network, no validation cost), so
the difference is our middlewares, lookups and rendering; with --redis-url our dialogues are
kept in Redis, as REDIS_URL does in production. Ends with one summary line.
"""

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import count
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher, Router
from aiogram.types import Chat, Message, Update, User
from pydantic import SecretStr

from bot.app import create_bot, create_context, create_dispatcher
from bot.config import Settings
from bot.demo.contest import demo_document
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.services.contest_import import import_contest
from bot.views import BotViews
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.fakes.telegram import RecordingSession

USER = 777
NOON = datetime(2024, 9, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


class LeanSession(RecordingSession):
    """The fake Bot API without the test-time checks, and keeping no history."""

    async def make_request(self, bot: Bot, method: Any, timeout: int | None = None) -> Any:
        return self._result(method)


def updates(text: str, ids: Iterator[int]) -> Callable[[], Update]:
    """Updates with `text`, numbered from `ids`: each update_id once, as Telegram numbers them
    (a repeated one would be dropped as a copy)."""
    user = User(id=USER, is_bot=False, first_name="Bench")
    chat = Chat(id=USER, type="private")

    def make() -> Update:
        number = next(ids)
        message = Message(message_id=number, date=NOON, chat=chat, from_user=user, text=text)
        return Update(update_id=number, message=message)

    return make


async def rate(
    dispatcher: Dispatcher, bot: Bot, make: Callable[[], Update], seconds: float
) -> float:
    for _ in range(200):  # warm caches and code paths
        await dispatcher.feed_update(bot, make())
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(100):
            await dispatcher.feed_update(bot, make())
        done += 100
    return done / elapsed


def bare_dispatcher() -> Dispatcher:
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def our_dispatcher(
    directory: Path, redis_url: str | None, ids: Iterator[int]
) -> tuple[Dispatcher, Bot, Database]:
    url = f"sqlite+aiosqlite:///{directory / 'bench.db'}"
    database = await Database.open(url)
    draft, problems = parse_document(document_from_mapping(demo_document()))
    await import_contest(database.unit_of_work, draft, problems, views=BotViews())
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    code = next(p.invite_code for p in data.people if p.code == "H07-1")
    settings = Settings(bot_token=SecretStr("42:BENCH"), database_url=url, redis_url=redis_url)
    bot = create_bot(settings, LeanSession())
    dispatcher = create_dispatcher(create_context(settings, database, FakeClock(NOON)))
    await dispatcher.feed_update(bot, updates(f"/start {code}", ids)())
    return dispatcher, bot, database


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds")
    parser.add_argument("--seconds", type=float, default=1.2, help="per variant per round")
    parser.add_argument("--redis-url", help="keep dialogues in Redis, e.g. redis://127.0.0.1")
    args = parser.parse_args()
    bare_bot = Bot(token="42:BARE", session=LeanSession())
    bare_dp = bare_dispatcher()
    with tempfile.TemporaryDirectory() as scratch:
        ids = count(1)
        dispatcher, bot, database = await our_dispatcher(Path(scratch), args.redis_url, ids)
        variants = {
            "bare": (bare_dp, bare_bot, updates("hello", ids)),
            "next": (dispatcher, bot, updates("/next", ids)),
            "freetext": (dispatcher, bot, updates("我们队几点上场？", ids)),
        }
        # Interleaved short rounds, then medians: drift on a shared machine hits all alike.
        samples: dict[str, list[float]] = {name: [] for name in variants}
        try:
            for _ in range(args.rounds):
                for name, (dp, target, make) in variants.items():
                    samples[name].append(await rate(dp, target, make, args.seconds))
        finally:
            await dispatcher.storage.close()
            await database.close()
    ups = {name: statistics.median(values) for name, values in samples.items()}
    for name, values in samples.items():
        print(f"{name:9} median {ups[name]:7.0f} updates/s  (rounds: "
              f"{', '.join(f'{v:.0f}' for v in values)})")  # fmt: skip
    ratio = ups["bare"] / min(ups["next"], ups["freetext"])
    print(
        f"bare_ups={ups['bare']:.0f} next_ups={ups['next']:.0f} "
        f"freetext_ups={ups['freetext']:.0f} cost_ratio={ratio:.2f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
