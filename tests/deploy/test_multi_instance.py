"""Two webhook instances and two workers on one PostgreSQL and one Redis, behind a fake Telegram
that posts some updates twice: 60 people join, ask, and get a broadcast and reminders while the
leading worker is SIGKILLed (bench/multi_instance_run.py, small)."""

import asyncio
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bench.multi_instance_run import BenchConfig, Figures, run_bench
from bot.services.sender import IN_FLIGHT

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
REDIS_URL = os.environ.get("TEST_REDIS_URL")
RECIPIENTS = 60

pytestmark = pytest.mark.skipif(
    not (POSTGRES_URL and REDIS_URL), reason="needs TEST_POSTGRES_URL and TEST_REDIS_URL"
)


def own_database(url: str) -> str:
    """A database of this test's own beside the shared test one: the run drops and creates it."""
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_multi").render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Figures]:
    assert POSTGRES_URL
    assert REDIS_URL
    config = BenchConfig(
        database_url=own_database(POSTGRES_URL),
        redis_url=REDIS_URL,
        recipients=RECIPIENTS,
        logs=Path(tmp_path_factory.mktemp("multi-instance")),
        instances=2,
        workers=2,
        questions=RECIPIENTS,
    )
    # In a thread of its own: pytest-asyncio may be running a loop here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool.submit(asyncio.run, run_bench(config, say=print)).result()


def test_everyone_joins_through_the_webhook(run: Figures) -> None:
    assert run.recipients == RECIPIENTS


def test_no_queued_message_is_lost(run: Figures) -> None:
    assert run.broadcast == RECIPIENTS
    assert run.reminders > 0
    assert run.lost == 0
    assert set(run.outbox) == {"sent"}


def test_killing_the_leader_repeats_no_more_than_the_messages_in_flight(run: Figures) -> None:
    # The documented crash window: what the killed sender had in flight may arrive twice.
    assert run.kills == 1
    assert run.duplicated <= IN_FLIGHT * run.kills


def test_the_standby_takes_over_from_the_killed_leader(run: Figures) -> None:
    assert run.exit_codes["worker1"] == -9 or run.exit_codes["worker2"] == -9
    assert run.takeover_s is not None
    assert run.takeover_s > 0


def test_an_update_posted_twice_is_handled_once(run: Figures) -> None:
    assert run.updates_doubled > 0
    assert run.updates_twice_handled == 0


def test_every_update_is_answered(run: Figures) -> None:
    assert run.unanswered == 0


def test_together_the_processes_stay_within_telegrams_limits(run: Figures) -> None:
    assert run.peak_1s <= 30
    assert run.per_chat_peak_1s <= 1
    assert not run.unknown_methods
