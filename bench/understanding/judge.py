"""Whether an answer holds the facts a case expects: times, names, numbers, yes or no, and
whether it says it comes from the plan or the live run."""

import html
import re
from collections.abc import Iterable
from typing import Any

from bench.understanding.corpus import Case
from bot.domain.enums import Locale
from bot.domain.snapshot import ContestSnapshot

_TAGS = re.compile(r"<[^>]+>")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
YES: dict[Locale, tuple[str, ...]] = {
    Locale.ZH_HANS: ("已经", "已比完", "已结束"),
    Locale.EN: ("already", "yes"),
}
NO = {
    Locale.ZH_HANS: ("还没", "尚未", "未开始", "没有比"),
    Locale.EN: ("not yet", "no,", "not started"),
}
SOURCE: dict[str, dict[Locale, tuple[str, ...]]] = {
    "plan": {Locale.ZH_HANS: ("按计划",), Locale.EN: ("planned", "as planned")},
    "live": {Locale.ZH_HANS: ("现场",), Locale.EN: ("live",)},
}


def plain(reply: str) -> str:
    return html.unescape(_TAGS.sub("", reply))


def missing(case: Case, reply: str | None, snapshot: ContestSnapshot) -> list[str]:
    """The expected facts the reply lacks; empty when it is right."""
    if case.expect is None:
        return [] if reply is None else ["a confident answer to a question it could not read"]
    if reply is None:
        return ["no answer (fallback)"]
    text = plain(reply)
    lowered = text.casefold()
    return [
        f"{fact}"
        for fact in case.expect
        if not any(_found(option, text, lowered) for option in fact_options(fact, case, snapshot))
    ]


def _found(option: str | re.Pattern[str], text: str, lowered: str) -> bool:
    if isinstance(option, re.Pattern):
        return option.search(text) is not None
    return option.casefold() in lowered


def fact_options(
    fact: dict[Any, Any], case: Case, snapshot: ContestSnapshot
) -> Iterable[str | re.Pattern[str]]:
    ((raw_key, value),) = fact.items()
    key = "yes" if raw_key is True else str(raw_key)  # YAML 1.1 reads a bare `yes:` as true
    en = case.locale is Locale.EN
    data = snapshot.data
    if key == "time":
        return [str(value)]
    if key == "venue":
        venue = next(v for v in data.venues if v.code == value)
        return [venue.name_en if en and venue.name_en else venue.name]
    if key == "round":
        round_ = snapshot.rounds[value]
        name = round_.name_en if en and round_.name_en else round_.name
        return [name, _BRACKETS.sub("", name).strip()]
    if key == "track":
        track = next(t for t in data.tracks if t.code == value)
        return [track.name_en if en and track.name_en else track.name]
    if key == "team":
        team = snapshot.teams[value]
        return [team.name, team.code]
    if key == "person":
        return [next(p.name for p in data.people if p.code == value)]
    if key == "minutes":
        return [_number(n) for n in (int(value) - 1, int(value), int(value) + 1)]
    if key == "number":
        return [_number(int(value))]
    if key == "yes":
        return (YES if value else NO)[case.locale]
    if key == "source":
        return SOURCE[value][case.locale]
    if key == "text":
        return [value] if isinstance(value, str) else list(value)
    raise ValueError(f"unknown fact {key!r} in {case.question!r}")


def _number(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d:]){n}(?![\d:])")
