"""After start-up the heap is frozen: later full collections no longer walk what start-up built."""

import gc
from collections.abc import Iterator

import pytest

from bot.heap import freeze_after_startup


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test run collects as usual


@pytest.mark.usefixtures("unfrozen")
def test_freezing_moves_every_live_object_out_of_the_collected_generations() -> None:
    built_at_startup = [[n] for n in range(10_000)]
    freeze_after_startup()
    assert gc.get_freeze_count() >= len(built_at_startup)
    assert sum(gc.get_count()) < len(built_at_startup)
