"""The demo contest ten times over (400 teams, 1,200 contestants): for timing answers at scale."""

from datetime import datetime, timedelta
from functools import cache
from typing import Any

from bench.understanding.world import built
from bot.demo.contest import demo_document
from bot.domain.snapshot import ContestSnapshot

Row = dict[str, Any]


@cache
def scaled_snapshot(times: int) -> ContestSnapshot:
    return ContestSnapshot.build(built(scaled_document(times)), revision=1)


def scaled_document(times: int) -> dict[str, Any]:
    """Every team, its people and its running-order slots copied `times` times; copy k's codes
    end in k (the first copy keeps the demo's codes, so the corpus's askers exist)."""
    document = demo_document()
    teams = document["Teams"]
    copies = {k: {t["code"]: _code(t["code"], k) for t in teams} for k in range(times)}
    document["Teams"] = [
        t | {"code": copies[k][t["code"]], "name": _name(t["name"], k)}
        for k in range(times)
        for t in teams
    ]
    document["People"] = _people(document["People"], copies)
    document["Schedule"] = _schedule(document["Schedule"], copies, times)
    return document


def _code(code: str, k: int) -> str:
    return code if k == 0 else f"{code}x{k}"


def _name(name: str, k: int) -> str:
    return name if k == 0 else name.replace("代表队", f"{k}队")


def _people(people: list[Row], copies: dict[int, dict[str, str]]) -> list[Row]:
    staff = [p for p in people if not p.get("team")]
    members = [
        p | {"code": _code(p["code"], k), "team": copies[k][p["team"]]}
        for k in copies
        for p in people
        if p.get("team")
    ]
    return members + staff


def _schedule(rows: list[Row], copies: dict[int, dict[str, str]], times: int) -> list[Row]:
    sessions = [r for r in rows if r["team"] == "全部"]
    by_round: dict[str, list[Row]] = {}
    for row in rows:
        if row["team"] != "全部":
            by_round.setdefault(row["round"], []).append(row)
    scaled = list(sessions)
    for slots in by_round.values():
        slots.sort(key=lambda r: r["position"])
        first = datetime.fromisoformat(slots[0]["starts_at"])
        minutes = slots[0]["duration"]
        order = [copies[k][r["team"]] for k in range(times) for r in slots]
        for position, team in enumerate(order, start=1):
            start = first + timedelta(minutes=minutes * (position - 1))
            scaled.append(
                slots[0] | {"position": position, "team": team, "starts_at": start.isoformat(" ")}
            )
    return scaled
