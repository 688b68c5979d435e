"""After start-up the heap is frozen: later full collections no longer walk what start-up built."""

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.heap import freeze_after_startup, imports_uncollected


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


@pytest.mark.usefixtures("unfrozen")
def test_imports_collect_no_garbage_and_leave_what_they_built_frozen() -> None:
    collections_before = gc.get_stats()[2]["collections"]
    with imports_uncollected():
        assert not gc.isenabled()
        built_by_imports = [[n] for n in range(10_000)]
    assert gc.isenabled()
    assert gc.get_stats()[2]["collections"] == collections_before
    assert gc.get_freeze_count() >= len(built_by_imports)


@pytest.mark.usefixtures("unfrozen")
def test_collection_stays_off_after_the_imports_when_it_was_off_before() -> None:
    gc.disable()
    try:
        with imports_uncollected():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_importing_the_bot_leaves_garbage_collection_on() -> None:
    ran = subprocess.run(
        [sys.executable, "-c", "import gc, bot.app; print(gc.isenabled())"],
        cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert ran.stdout.strip() == "True"
