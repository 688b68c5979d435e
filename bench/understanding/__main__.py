"""How well free-text questions are understood, on the corpus of tests/data/understanding/.

Usage (from the repository root):
    python -m bench.understanding [--show dev] [--rounds N]

Every question is asked the way the bot answers free text (read, then answered from its moment's
live run in the asker's language) and judged on the facts its answer must contain. Prints the
accuracy per class for the dev and the held-out questions, then times reading and answering
the dev questions about the demo against the demo ten times over (400 teams), and ends with
one line: `heldout_accuracy=… dev_accuracy=… offtopic_false_answers=… p99_ms=…`.
`--show dev` prints each failing dev question with its answer; the held-out questions are
reported only as figures, never shown, so that nobody tunes against them.
"""

import argparse
import statistics
import time
from collections import Counter
from datetime import timedelta

from bench.understanding.asking import Asked, answer_at, ask, viewer_of
from bench.understanding.corpus import SPLITS, Case, load
from bench.understanding.judge import missing, plain
from bench.understanding.scaled import scaled_snapshot
from bench.understanding.world import snapshot
from bot.adapters.opencc_script import opencc_script
from bot.services.questions import QuestionReader

SCALE = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", choices=["dev"], help="print the failing dev questions")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds over the questions")
    args = parser.parse_args()
    reader = QuestionReader(opencc_script())
    results = {split: [ask(case, reader) for case in load(split)] for split in SPLITS}
    wrong = {split: [a for a in asked if _wrong(a)] for split, asked in results.items()}
    _table(results, wrong)
    if args.show:
        for asked in wrong[args.show]:
            _show(asked)
    answered = [a for split in SPLITS for a in results[split] if a.case.off_topic and a.reply]
    p99 = _p99_ms([a.case for a in results["dev"] if a.case.contest == "demo"], args.rounds)
    accuracy = {s: 1 - len(wrong[s]) / len(results[s]) for s in SPLITS}
    print(
        f"heldout_accuracy={accuracy['heldout']:.3f} dev_accuracy={accuracy['dev']:.3f} "
        f"offtopic_false_answers={len(answered)} p99_ms={p99:.2f}"
    )


def _wrong(asked: Asked) -> bool:
    return bool(missing(asked.case, asked.reply, snapshot(asked.case.contest)))


def _table(results: dict[str, list[Asked]], wrong: dict[str, list[Asked]]) -> None:
    print(f"{'class':<12} " + " ".join(f"{split:>14}" for split in SPLITS))
    classes = sorted({a.case.kind for asked in results.values() for a in asked})
    for kind in classes:
        cells = []
        for split in SPLITS:
            total = Counter(a.case.kind for a in results[split])[kind]
            bad = Counter(a.case.kind for a in wrong[split])[kind]
            cells.append(f"{total - bad:>4}/{total:<4} {_ratio(total - bad, total):>5}")
        print(f"{kind:<12} " + " ".join(cells))
    for label, pick in (("zh", _is_zh), ("en", lambda c: not _is_zh(c))):
        cells = []
        for split in SPLITS:
            total = sum(1 for a in results[split] if pick(a.case))
            bad = sum(1 for a in wrong[split] if pick(a.case))
            cells.append(f"{total - bad:>4}/{total:<4} {_ratio(total - bad, total):>5}")
        print(f"{'(' + label + ')':<12} " + " ".join(cells))


def _is_zh(case: Case) -> bool:
    return case.locale.value != "en"


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.2f}" if total else "-"


def _show(asked: Asked) -> None:
    case = asked.case
    lacks = missing(case, asked.reply, snapshot(case.contest))
    print(f"--- [{case.kind}] {case.contest} {case.at} {case.asker}: {case.question!r}: {lacks}")
    print("    " + plain(asked.reply or "(not understood)").replace("\n", "\n    "))


def _p99_ms(cases: list[Case], rounds: int) -> float:
    """Reading and answering each question on the scaled demo, in milliseconds.

    Nothing is read from the reader's memory (a new one per question), and each round asks a
    few seconds after the one before: the snapshot keeps a plan's statuses from one printed end
    to the next, as in use, but never a live forecast from an earlier moment. One untimed
    round first loads what loads once (OpenCC's dictionaries).
    """
    contest = scaled_snapshot(SCALE)
    script = opencc_script()
    viewers = [viewer_of(case, contest) for case in cases]
    times = []
    for round_ in range(rounds + 1):
        later = timedelta(seconds=7 * round_)
        for case, viewer in zip(cases, viewers, strict=True):
            reader = QuestionReader(script, size=0)
            started = time.perf_counter()
            answer_at(case, contest, reader, viewer, later)
            if round_:
                times.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(times, n=100)[98] if len(times) > 1 else float("nan")


if __name__ == "__main__":
    main()
