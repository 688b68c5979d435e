"""What starting the bot costs: `import bot.app` against the libraries it cannot do without.

Usage (from the repository root):
    python -m bench.startup [--rounds R]
Each round imports, in a fresh interpreter each, the anchor (aiogram, SQLAlchemy's asyncio
extension, aiosqlite and APScheduler's asyncio scheduler: what any bot of this kind loads) and
`bot.app`, interleaved so that both see the same machine; it also times `contest-bot --help`.
Prints the medians (import time, peak RSS) and ends with one line:
`import_ratio=… rss_ratio=… help_s=… help_cpu_s=…` (bot.app over the anchor, in CPU time and
peak RSS; the goal is ≤ 1.1; `contest-bot --help` in wall and CPU seconds, goal ≤ 0.5).
--gc instead loads the bot's routers and the demo contest in this process and prints how long
a full garbage collection takes before and after `bot.heap.freeze_after_startup`:
`gc_full_ms_before=… gc_full_ms_after=… live_objects=…`.
"""

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANCHOR = "aiogram, sqlalchemy.ext.asyncio, aiosqlite, apscheduler.schedulers.asyncio"
BOT = "bot.app"
PROBE = (
    "import json, resource, time\n"
    "started = time.process_time()\n"
    "import {modules}\n"
    "seconds = time.process_time() - started\n"
    "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
    "print(json.dumps([seconds, rss]))\n"
)


def imported(modules: str) -> tuple[float, int]:
    """CPU seconds the import took (wall time would mostly tell how busy the machine is) and
    the peak RSS in bytes, in a fresh interpreter."""
    ran = subprocess.run(
        [sys.executable, "-c", PROBE.format(modules=modules)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss = json.loads(ran.stdout)
    return float(seconds), int(rss)


def help_seconds() -> tuple[float, float]:
    """Wall and CPU time of `contest-bot --help`, interpreter start-up included."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "--help"], cwd=ROOT, capture_output=True, check=True
    )
    return time.perf_counter() - started, _children_cpu() - cpu_before


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def full_collection_ms(rounds: int = 7) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        gc.collect()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def heap_figures() -> None:
    """A full collection with the routers and the demo snapshot alive, before and after the
    freeze a running bot does after start-up."""
    from bench.standings import demo
    from bot.domain.snapshot import ContestSnapshot
    from bot.heap import freeze_after_startup
    from handlers import create_routers

    alive = (create_routers(), ContestSnapshot.build(demo(), revision=1))
    objects = len(gc.get_objects())
    before = full_collection_ms()
    freeze_after_startup()
    after = full_collection_ms()
    print(f"gc_full_ms_before={before:.2f} gc_full_ms_after={after:.2f} live_objects={objects}")
    del alive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--gc", action="store_true")
    args = parser.parse_args()
    if args.gc:
        heap_figures()
        return
    found: dict[str, list[tuple[float, int]]] = {ANCHOR: [], BOT: []}
    helps = []
    for _ in range(args.rounds):
        for modules in found:
            found[modules].append(imported(modules))
        helps.append(help_seconds())
    medians = {}
    for modules, runs in found.items():
        seconds = statistics.median(s for s, _ in runs)
        rss = statistics.median(r for _, r in runs)
        medians[modules] = (seconds, rss)
        print(f"import {modules}: {seconds:.3f} s CPU, {rss / 2**20:.0f} MiB")
    help_s = statistics.median(wall for wall, _ in helps)
    help_cpu = statistics.median(cpu for _, cpu in helps)
    print(f"contest-bot --help: {help_s:.3f} s wall, {help_cpu:.3f} s CPU")
    (anchor_s, anchor_rss), (bot_s, bot_rss) = medians[ANCHOR], medians[BOT]
    print(
        f"import_ratio={bot_s / anchor_s:.2f} rss_ratio={bot_rss / anchor_rss:.2f} "
        f"help_s={help_s:.3f} help_cpu_s={help_cpu:.3f}"
    )


if __name__ == "__main__":
    main()
