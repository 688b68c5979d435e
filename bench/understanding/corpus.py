"""The corpus's questions: who asks what, when, and the facts a right answer must contain.

One YAML list per file (dev*.yaml, heldout*.yaml); each entry:

    - q: 咱们队的擂台赛几点？          # as typed
      contest: demo                    # demo, or a file named in world.CONTEST_FILES
      at: d3-0915                      # a moment of moments.yaml
      asker: H07-1                     # a person code of that contest
      class: my_round                  # what kind of question, for the per-class figures
      expect:                          # facts the answer must contain, or the word `fallback`
        - {time: "09:38"}
        - {venue: HALL1}
        - {source: live}

The answer's language is the question's: English when the question has no Chinese characters.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.understanding.world import CORPUS
from bot.domain.enums import Locale
from bot.yaml_loading import load_yaml

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FALLBACK = "fallback"
SPLITS = ("dev", "heldout")


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    contest: str
    at: str
    asker: str
    kind: str
    expect: tuple[dict[str, Any], ...] | None  # None: the honest fallback is the right answer
    split: str

    @property
    def locale(self) -> Locale:
        return Locale.ZH_HANS if _HAN.search(self.question) else Locale.EN

    @property
    def off_topic(self) -> bool:
        return self.expect is None


def load(split: str, folder: Path = CORPUS) -> list[Case]:
    """Every file of the split: `dev.yaml`, `dev_second.yaml`, … for "dev"."""
    cases: list[Case] = []
    for path in sorted(folder.glob(f"{split}*.yaml")):
        raw: list[dict[str, Any]] = load_yaml(path.read_text("utf-8")) or []
        cases += [_case(entry, split) for entry in raw]
    return cases


def _case(entry: dict[str, Any], split: str) -> Case:
    expect = entry["expect"]
    facts = None if expect == FALLBACK else tuple(expect)
    return Case(
        str(entry["q"]), entry["contest"], entry["at"], str(entry["asker"]), entry["class"],
        facts, split,
    )  # fmt: skip
