"""Checks corpus files before they are used: every contest, moment, asker and fact exists.

python -m bench.understanding.validate tests/data/understanding/heldout.yaml …
"""

import sys
from pathlib import Path

from bench.understanding.corpus import _case
from bench.understanding.judge import fact_options
from bench.understanding.world import moments, snapshot
from bot.yaml_loading import load_yaml


def problems(path: Path) -> list[str]:
    found: list[str] = []
    entries = load_yaml(path.read_text("utf-8")) or []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        try:
            case = _case(entry, path.stem)
            contest = snapshot(case.contest)
            if case.at not in moments(case.contest):
                raise ValueError(f"no moment {case.at!r}")
            if not any(p.code == case.asker for p in contest.data.people):
                raise ValueError(f"no person {case.asker!r}")
            for fact in case.expect or ():
                list(fact_options(fact, case, contest))
            if case.question in seen:
                raise ValueError("the question is written twice")
            seen.add(case.question)
        except Exception as error:
            found.append(f"{path.name} entry {number} ({entry.get('q')!r}): {error!r}")
    return found


def main() -> None:
    found = [problem for name in sys.argv[1:] for problem in problems(Path(name))]
    print(*found, sep="\n")
    print(f"{len(found)} problem(s)")
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
