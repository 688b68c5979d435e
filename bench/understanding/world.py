"""The contests the corpus asks about, and the moments of their days it is asked at."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from functools import cache
from itertools import count
from pathlib import Path
from typing import Any

from bot.demo.contest import demo_document
from bot.domain.contest import ContestData
from bot.domain.invites import assign_invite_codes
from bot.domain.live import EventKind, StageEvent, replay
from bot.domain.schedule_views import Live
from bot.domain.snapshot import ContestSnapshot
from bot.formats.document import RawDocument
from bot.formats.files import read_document
from bot.formats.parse import parse_document
from bot.formats.yaml_reader import document_from_mapping
from bot.yaml_loading import load_yaml

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "understanding"
CONTEST_FILES = {"second": CORPUS / "second_contest.yaml"}


@dataclass(frozen=True, slots=True)
class Moment:
    """A point in a contest day: the time, what organizers have recorded, who has checked in."""

    name: str
    now: datetime
    live: Live
    checked_in: frozenset[str]  # person codes


def contest_data(name: str) -> ContestData:
    return _contest_data(name)


@cache
def _contest_data(name: str) -> ContestData:
    if name == "demo":
        return built(demo_document())
    return _with_ids(read_document(CONTEST_FILES[name]))


def built(document: dict[str, Any]) -> ContestData:
    """A document in the import format, as the contest it is once imported."""
    return _with_ids(document_from_mapping(document))


def _with_ids(raw: RawDocument) -> ContestData:
    draft, problems = parse_document(raw)
    if problems:
        raise ValueError(f"the contest does not import: {problems[:3]}")
    data = draft.to_data()
    codes = count(1)
    people = assign_invite_codes(data.people, {}, lambda: f"CODE{next(codes):04d}")
    # Ids as a stored contest has them: check-ins and rosters refer to people by id.
    people = tuple(replace(p, id=i) for i, p in enumerate(people, start=1))
    return replace(data, people=people)


@cache
def snapshot(name: str) -> ContestSnapshot:
    return ContestSnapshot.build(contest_data(name), revision=1)


@cache
def moments(name: str) -> dict[str, Moment]:
    raw: dict[str, dict[str, Any]] = load_yaml(
        (CORPUS / "moments.yaml").read_text(encoding="utf-8")
    )[name]
    zone = snapshot(name).zone
    found = {}
    for key, spec in raw.items():
        # In UTC, as the bot's clock gives it.
        now = datetime.fromisoformat(spec["now"]).replace(tzinfo=zone).astimezone(UTC)
        live = {
            round_code: replay(_event(line, now.astimezone(zone).date(), zone) for line in lines)
            for round_code, lines in (spec.get("live") or {}).items()
        }
        found[key] = Moment(key, now, live, frozenset(spec.get("checked_in") or ()))
    return found


def _event(line: str, day: date, zone: Any) -> StageEvent:
    """'13:32 start 1', '13:40 delay 10', '14:00 pause'."""
    clock, kind, *rest = line.split()
    at = datetime.combine(day, time.fromisoformat(clock), tzinfo=zone).astimezone(UTC)
    number = int(rest[0]) if rest else None
    if kind == EventKind.DELAY:
        return StageEvent(EventKind.DELAY, at, minutes=number)
    return StageEvent(EventKind(kind), at, position=number)
