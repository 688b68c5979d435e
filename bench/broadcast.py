"""An announcement to N people through the outbox, against a fake Bot API that enforces limits.

Usage (from the repository root):
    python -m bench.broadcast [--recipients N] [--quick] [--rtt-ms MS]
The fake API (the sandbox's, in rate-limit mode: 30 msg/s overall, 1 msg/s per chat, real 429
with retry_after) runs here; the sender runs in a child process, as in production. Run 1 sends
to N recipients. Run 2 sends to N/4 others, SIGKILLs the sender halfway and restarts it. Each
run counts, per recipient, what actually arrived. --quick is N=600 (about 35 s). --rtt-ms
delays each answer of the fake API by that many milliseconds, as a network round trip would.
"""

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from bot.domain.outbox import NewDelivery
from bot.sandbox.bot_api import bot_api_routes
from bot.sandbox.limits import RateLimiter
from bot.sandbox.state import SandboxState
from storage.database import Database

TOKEN = "1:BENCH"


class CountingLimiter(RateLimiter):
    def __init__(self) -> None:
        super().__init__()
        self.refusals = 0

    def acquire(self, chat_id: int) -> int:
        wait = super().acquire(chat_id)
        self.refusals += wait > 0
        return wait


async def worker(database_url: str, api: str) -> None:
    """The child: one sender draining the outbox until nothing is pending."""
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    from bot.services.clock import SystemClock
    from bot.services.sender import Sender
    from bot.telegram.transport import BotTransport

    database = await Database.open(database_url, migrate=False)
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    sender = Sender(database.unit_of_work, BotTransport(bot), SystemClock())
    await sender.recover(stale=timedelta(0))  # the only sender: any claim is a dead one's
    await sender.run(asyncio.Event(), until_idle=True)
    await bot.session.close()
    await database.close()


def received(state: SandboxState, users: range) -> list[int]:
    return [len(state.chats[user].messages) for user in users]


async def one_run(
    state: SandboxState, api: str, directory: Path, users: range, kill_at: int | None
) -> tuple[float, int, int]:
    """Sends to `users`; returns (msg/s between first and last arrival, lost, duplicated)."""
    url = f"sqlite+aiosqlite:///{directory / f'outbox-{users.start}.db'}"
    database = await Database.open(url)
    key = f"broadcast:{users.start}"
    deliveries = [NewDelivery(key, user, f"公告 {user}") for user in users]
    started = time.perf_counter()
    async with database.unit_of_work() as uow:
        await uow.outbox.enqueue(deliveries, datetime.now(UTC))
        await uow.commit()
    took = time.perf_counter() - started
    print(f"enqueued {len(users)} deliveries in one transaction in {took:.2f} s")
    await database.close()
    command = [sys.executable, "-m", "bench.broadcast", "--worker", url, api]
    child = await asyncio.create_subprocess_exec(*command)
    first: float | None = None
    killed = False
    while True:
        arrived = sum(1 for n in received(state, users) if n)
        if arrived and first is None:
            first = time.perf_counter()
        if kill_at is not None and not killed and arrived >= kill_at:
            os.kill(child.pid, signal.SIGKILL)
            await child.wait()
            child = await asyncio.create_subprocess_exec(*command)
            killed = True
        if arrived >= len(users) or child.returncode is not None:
            last = time.perf_counter()
            await child.wait()
            break
        await asyncio.sleep(0.01)
    counts = received(state, users)
    rate = (len(users) - 1) / (last - first) if first is not None and last > first else 0.0
    return rate, sum(1 for n in counts if n == 0), sum(n - 1 for n in counts if n > 1)


def round_trip(delay: float) -> Middleware:
    @web.middleware
    async def delayed(request: web.Request, handler: Handler) -> web.StreamResponse:
        await request.read()  # the whole request is here (a sender killed meanwhile sent it)
        await asyncio.sleep(delay)
        return await handler(request)

    return delayed


async def main(recipients: int, rtt_ms: float) -> None:
    state, limiter = SandboxState(), CountingLimiter()
    quarter = recipients // 4
    for user in range(1, recipients + quarter + 1):
        state.chat({"id": user, "is_bot": False, "first_name": f"用户{user}"})
    app = web.Application(middlewares=[round_trip(rtt_ms / 1000)] if rtt_ms else [])
    app.add_routes(bot_api_routes(state, limiter))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    api = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        everyone = range(1, recipients + 1)
        rate, lost, duplicated = await one_run(state, api, Path(scratch), everyone, None)
        print(f"run 1: {recipients} recipients, {rate:.1f} msg/s, 429s={limiter.refusals}, "
              f"lost={lost}, duplicated={duplicated}")  # fmt: skip
        second = range(recipients + 1, recipients + quarter + 1)
        _, kill_lost, kill_duplicated = await one_run(
            state, api, Path(scratch), second, kill_at=len(second) // 2
        )
        print(f"run 2: {len(second)} recipients, SIGKILL at half, lost={kill_lost}, "
              f"duplicated={kill_duplicated}")  # fmt: skip
    await runner.cleanup()
    print(f"rtt_ms={rtt_ms:g} msg/s={rate:.1f} lost={lost} duplicated={duplicated} "
          f"after_kill_lost={kill_lost} after_kill_duplicated={kill_duplicated}")  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        asyncio.run(worker(sys.argv[2], sys.argv[3]))
    else:
        parser = argparse.ArgumentParser(description=__doc__)
        parser.add_argument("--recipients", type=int, default=10_000)
        parser.add_argument("--quick", action="store_true", help="600 recipients")
        parser.add_argument("--rtt-ms", type=float, default=0.0, help="delay of each answer")
        args = parser.parse_args()
        asyncio.run(main(600 if args.quick else args.recipients, args.rtt_ms))
