"""Real bot processes for the multi-instance bench: started with their environment, their
output kept in a log file each, stopped by SIGTERM (or killed)."""

import asyncio
import os
import re
import signal
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import aiohttp

CLI = (sys.executable, "-m", "bot.cli")
# A worker says it leads in a line that has "leader" and is not about waiting for one.
LEADER_LINE = re.compile(r"^(?!.*\b(standby|waiting|lost)\b).*\bleader\b", re.IGNORECASE | re.M)
STOP_TIMEOUT = 20.0
LOG_TIME = "%Y-%m-%d %H:%M:%S,%f"  # the start of a line of bot.cli.run_command.LOG_FORMAT


@dataclass
class BotProcess:
    name: str
    process: asyncio.subprocess.Process
    log: Path

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""

    def leads(self) -> bool:
        return LEADER_LINE.search(self.output()) is not None

    def led_since(self) -> datetime | None:
        """When it last logged that it leads (its log's clock: local time)."""
        found = [m.group(0) for m in LEADER_LINE.finditer(self.output())]
        if not found:
            return None
        try:
            return datetime.strptime(found[-1][:23], LOG_TIME).astimezone()
        except ValueError:
            return None

    @property
    def alive(self) -> bool:
        return self.process.returncode is None


def bot_environment(base: Mapping[str, str], **settings: str) -> dict[str, str]:
    """The process environment: ours (PATH, PYTHONPATH) plus the bot's settings; settings the
    bench does not give are blanked so a developer's .env cannot leak in."""
    env = {k: v for k, v in base.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    env.setdefault("PYTHONPATH", str(Path.cwd()))
    env["PYTHONUNBUFFERED"] = "1"
    env.update({key.upper(): value for key, value in settings.items()})
    return env


async def run_cli(env: Mapping[str, str], *args: str) -> str:
    """A one-shot `contest-bot` command; its output, or an error with it."""
    child = await asyncio.create_subprocess_exec(
        *CLI, *args, env=dict(env), stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await child.communicate()
    text = out.decode("utf-8", errors="replace")
    if child.returncode != 0:
        raise RuntimeError(f"contest-bot {' '.join(args)} failed:\n{text}")
    return text


async def start(name: str, env: Mapping[str, str], logs: Path, *args: str) -> BotProcess:
    log = logs / f"{name}.log"
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            *CLI, *args, env=dict(env), stdout=sink, stderr=asyncio.subprocess.STDOUT
        )
    return BotProcess(name, process, log)


async def wait_healthy(process: BotProcess, url: str, timeout: float = 240.0) -> None:
    """Until GET url answers 200 (the process is up and serving)."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        while time.monotonic() < deadline:
            if not process.alive:
                raise RuntimeError(f"{process.name} exited:\n{process.output()[-3000:]}")
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError(f"{process.name} not healthy at {url}:\n{process.output()[-3000:]}")


async def kill(process: BotProcess) -> None:
    if process.alive:
        os.kill(process.process.pid, signal.SIGKILL)
    await process.process.wait()


async def stop(process: BotProcess) -> int | None:
    """SIGTERM, then SIGKILL if it has not stopped in STOP_TIMEOUT; its exit code."""
    if process.alive:
        process.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.process.wait(), STOP_TIMEOUT)
        except TimeoutError:
            await kill(process)
    return await process.process.wait()
