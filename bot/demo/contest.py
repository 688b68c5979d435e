"""The demo contest as a document in the import format: 2 tracks, 40 teams, 3 days.

It goes through the same reader and validation as an organizer's file, so the demo is also
a worked example of the format (`contest-bot export demo.xlsx` shows it as a workbook).
"""

import random
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from bot.demo.people import fictional_names
from bot.yaml_loading import load_yaml

Row = dict[str, Any]
MEMBERS = 3
UNITS = (
    "沈阳市", "大连市", "鞍山市", "抚顺市", "本溪市", "丹东市", "锦州市", "营口市", "阜新市",
    "辽阳市", "盘锦市", "铁岭市", "朝阳市", "葫芦岛市", "沈抚示范区", "省直一队", "省直二队",
    "沈阳市二队", "大连市二队", "鞍山市二队",
)  # fmt: skip
# (track code, team code prefix, word in team names)
TRACK_TEAMS = (("12345", "H", "热线"), ("window", "W", "政务服务中心"))
# Team slots: (round code prefix, first start, minutes per team).
RUNNING_ORDERS = (("SC", "2024-09-26 13:30", 8), ("AR", "2024-09-27 08:30", 10))
STAFF = (("ORG", "组织者", 4), ("J", "评委", 7), ("AUD", "监督员", 1))
JUDGES_OF_FIRST_TRACK = 4  # J1–J4 score the 12345 showcase, J5–J7 the window one


def demo_document() -> dict[str, Any]:
    document: dict[str, Any] = _load("programme.yaml")
    teams = _teams()
    document["Teams"] = teams
    document["People"] = _people(teams)
    for seed, (track, _, _) in enumerate(TRACK_TEAMS):
        codes = [team["code"] for team in teams if team["track"] == track]
        for prefix, start, minutes in RUNNING_ORDERS:
            round_code = f"{prefix}-{track}"
            document["Schedule"] += _running_order(round_code, codes, start, minutes, seed)
    document["Questions"] = _load("questions.yaml")
    return document


def _load(name: str) -> Any:
    return load_yaml(resources.files("bot.demo").joinpath(name).read_text(encoding="utf-8"))


def _teams() -> list[Row]:
    return [
        {
            "code": f"{prefix}{number:02d}",
            "name": f"{unit}{word}代表队",
            "track": track,
            "organisation": f"{unit.removesuffix('二队').removesuffix('一队')}{word}",
        }
        for track, prefix, word in TRACK_TEAMS
        for number, unit in enumerate(UNITS, start=1)
    ]


def _people(teams: list[Row]) -> list[Row]:
    staff_count = sum(count for _, _, count in STAFF)
    names = iter(fictional_names(len(teams) * (MEMBERS + 1) + staff_count))
    people: list[Row] = []
    for team in teams:
        code = team["code"]
        for seat in range(1, MEMBERS + 1):
            contestant = {"code": f"{code}-{seat}", "name": next(names), "role": "选手"}
            people.append(contestant | {"team": code, "seat": seat})
        people.append({"code": f"{code}-L", "name": next(names), "role": "领队", "team": code})
    for prefix, role, count in STAFF:
        people += [
            {"code": f"{prefix}{number}", "name": next(names), "role": role}
            for number in range(1, count + 1)
        ]
    # One judge reads English, to show the bilingual interface.
    people[-2]["locale"] = "English"
    _assign_judges(people)
    return people


def _assign_judges(people: list[Row]) -> None:
    """The two showcases run at the same time in two halls: each track has its own panel."""
    judges = [person for person in people if person["role"] == "评委"]
    for person in judges[:JUDGES_OF_FIRST_TRACK]:
        person["judge_tracks"] = [TRACK_TEAMS[0][0]]
    for person in judges[JUDGES_OF_FIRST_TRACK:]:
        person["judge_tracks"] = [TRACK_TEAMS[1][0]]


def _running_order(
    round_code: str, team_codes: list[str], first_start: str, minutes: int, seed: int
) -> list[Row]:
    order = list(team_codes)
    # A stand-in for the drawn order; the real draw is verifiable (a later feature).
    random.Random(f"{round_code}-{seed}").shuffle(order)
    start = datetime.fromisoformat(first_start)
    return [
        {
            "round": round_code,
            "position": position,
            "team": team,
            "starts_at": (start + timedelta(minutes=minutes * (position - 1))).isoformat(" "),
            "duration": minutes,
        }
        for position, team in enumerate(order, start=1)
    ]
