"""Updates in waves: each chat gets one update per wave, and a wave ends when the bot has gone
quiet, so every reply can be put down to the update it answers."""

import asyncio
import time
from dataclasses import dataclass, field

from bench.fake_telegram import FakeTelegram, user_message

PACE = 0.05  # seconds between batches of updates: 400 updates/s, faster than any contest
BATCH = 20
QUIET = 3.0  # seconds without a message: the bot has answered everything it will


@dataclass
class UpdateLog:
    kinds: dict[int, str] = field(default_factory=dict)  # update_id -> command (or "text")
    doubled: set[int] = field(default_factory=set)


async def wave(
    fake: FakeTelegram, messages: list[tuple[int, str]], log: UpdateLog, timeout: float
) -> None:
    """Posts (user, text) messages, then waits until every update got an answer and the bot
    has been quiet for QUIET seconds (or `timeout` passed)."""
    ids = []
    for start in range(0, len(messages), BATCH):
        for user_id, text in messages[start : start + BATCH]:
            update_id = fake.next_update_id()
            ids.append(update_id)
            log.kinds[update_id] = text.split(" ", 1)[0] if text.startswith("/") else "text"
            if fake.deliver(user_message(update_id, user_id, text), user_id):
                log.doubled.add(update_id)
        await asyncio.sleep(PACE)
    await fake.settle()
    await until_quiet(fake, timeout, set(ids))
    fake.end_wave()


async def until_quiet(fake: FakeTelegram, timeout: float, answering: set[int]) -> None:
    posted = time.monotonic()
    deadline = posted + timeout
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        last = max(fake.sent[-1].at if fake.sent else 0.0, posted)
        answered = {s.update_id for s in fake.sent if s.update_id is not None}
        if time.monotonic() - last >= QUIET and (answering <= answered or _stale(last, QUIET * 4)):
            return


def _stale(last: float, seconds: float) -> bool:
    return time.monotonic() - last >= seconds
