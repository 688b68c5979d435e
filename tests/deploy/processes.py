"""`contest-bot` as real processes: started with a clean environment pointed at a fake Bot API,
their log lines collected as they come."""

import asyncio
import os
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "42:TEST"
KEPT = ("PATH", "HOME", "LANG", "SYSTEMROOT")


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    _reader: asyncio.Task[None] | None = None
    _news: asyncio.Event = field(default_factory=asyncio.Event)
    _ended: bool = False

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.lines.append(line.decode(errors="replace").rstrip())
            self._news.set()
        self._ended = True
        self._news.set()

    def logged(self, pattern: str) -> bool:
        return any(re.search(pattern, line) for line in self.lines)

    async def wait_for_line(self, pattern: str, within: float = 60) -> None:
        """Until a line matches `pattern`; fails with the output so far if the process ends
        first or the time runs out."""
        try:
            async with asyncio.timeout(within):
                while not self.logged(pattern):
                    if self._ended:
                        raise AssertionError(f"exited before {pattern!r}: {self.output()}")
                    self._news.clear()
                    await self._news.wait()
        except TimeoutError:
            raise AssertionError(f"no {pattern!r} in: {self.output()}") from None

    async def exit_code(self, within: float = 60) -> int:
        async with asyncio.timeout(within):
            code = await self.process.wait()
            if self._reader is not None:
                await self._reader
        return code

    def output(self) -> str:
        return "\n".join(self.lines)

    def kill(self) -> None:
        with suppress(ProcessLookupError):
            os.kill(self.process.pid, signal.SIGKILL)

    async def stop(self) -> int:
        """SIGTERM, and the exit code once it has stopped."""
        with suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        return await self.exit_code()


def bot_environment(database_url: str, api_url: str, **settings: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in KEPT if name in os.environ}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", BOT_TOKEN=TOKEN,
               TELEGRAM_API_URL=api_url, DATABASE_URL=database_url,
               DEFAULT_LOCALE="en")  # fmt: skip
    env.update({name.upper(): value for name, value in settings.items()})
    return env


@asynccontextmanager
async def contest_bot(
    cwd: Path, environment: Mapping[str, str], *args: str
) -> AsyncIterator[BotProcess]:
    """`python -m bot.cli ARGS`, killed on the way out if still running."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *args, cwd=cwd, env=dict(environment),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    running = BotProcess(process)
    running._reader = asyncio.create_task(running._read())
    try:
        yield running
    finally:
        running.kill()
        await running.exit_code()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
