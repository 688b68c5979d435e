"""The rate limit kept in one process: senders waiting at once queue behind each other."""

import asyncio

import pytest

from bot.services.rate_limit import Pacer
from tests.adapters.test_redis_rate_limit import FrozenTime


async def test_senders_waiting_at_once_each_get_a_slot_of_their_own() -> None:
    time = FrozenTime(now=0.0)
    pacer = Pacer(30.0, monotonic=time.clock, sleep=time.sleep)
    await asyncio.gather(*(pacer.acquire(chat) for chat in range(1, 9)))
    assert time.waits == pytest.approx([n / 30 for n in range(1, 8)])


async def test_a_pause_makes_the_next_message_wait_it_out() -> None:
    time = FrozenTime(now=0.0)
    pacer = Pacer(30.0, monotonic=time.clock, sleep=time.sleep)
    await pacer.pause(4)
    await pacer.acquire(1)
    assert time.waits == pytest.approx([4.0, 4.0])
