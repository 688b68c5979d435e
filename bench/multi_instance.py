"""Several bot processes at once against a fake Telegram: is every message still sent once, within
Telegram's limits, and every update answered once, when a worker is SIGKILLed mid-broadcast?

Usage (from the repository root, PostgreSQL and Redis running):
    python -m bench.multi_instance [--quick] [--database-url URL] [--redis-url URL]
The database and the Redis db given are wiped and reused (defaults: test_h17d, Redis db 6).

Real processes: N `contest-bot run --webhook` instances and 2 `contest-bot worker`s, on one
PostgreSQL database and one Redis. The fake Telegram (bench/fake_telegram.py) posts updates to
the instances round-robin and posts 10 % of them a second time to the next instance.
Recipients: the demo contest (`contest-bot demo load`, 172 people) plus synthetic auditors
inserted into the people table for the rest; every one joins through the webhook by
`/start CODE`, so the accounts are made by the bot's own onboarding. A sample then asks
/schedule, /next and a free-text question. Then a reminder burst (deliveries queued as the
reminder jobs queue them: one per team member, reminder priority, all due) and
`contest-bot broadcast --to everyone`; when a third of the broadcast has arrived the worker
that leads is SIGKILLed, and the bench waits until the outbox is drained.
"""

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.multi_instance_run import BenchConfig, Figures, run_bench

DEFAULT_DATABASE = "postgresql+asyncpg://postgres@127.0.0.1:5432/test_h17d"
DEFAULT_REDIS = "redis://127.0.0.1:6379/6"


def summary(figures: Figures) -> str:
    takeover = "n/a" if figures.takeover_s is None else f"{figures.takeover_s:.1f}"
    return (
        f"lost={figures.lost} duplicated={figures.duplicated} peak_1s={figures.peak_1s} "
        f"msg_s={figures.msg_s:.1f} takeover_s={takeover} "
        f"updates_twice_handled={figures.updates_twice_handled}"
    )


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="2 instances, 520 recipients")
    parser.add_argument("--recipients", type=int, default=None)
    parser.add_argument("--instances", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    parser.add_argument("--logs", type=Path, default=None, help="keep the processes' logs here")
    return parser.parse_args(argv)


async def main(argv: Sequence[str]) -> None:
    args = parse(argv)
    recipients = args.recipients or (520 if args.quick else 1000)
    instances = args.instances or (2 if args.quick else 3)
    with tempfile.TemporaryDirectory(prefix="multi-instance-") as scratch:
        logs = args.logs or Path(scratch)
        logs.mkdir(parents=True, exist_ok=True)
        config = BenchConfig(
            database_url=args.database_url,
            redis_url=args.redis_url,
            recipients=recipients,
            instances=instances,
            workers=args.workers,
            questions=min(recipients, 90 if args.quick else 300),
            logs=logs,
        )
        figures = await run_bench(config, say=print)
    print(summary(figures))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
