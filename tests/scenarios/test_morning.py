"""The morning of 2024-09-26: contestants check in, sit the theory exam (08:30–10:00), and at
10:30 the exam system's sheet is imported. Nothing about results may reach anyone yet."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from tests.handlers.conftest import SHANGHAI
from tests.scenarios.checker import Contradiction, summary
from tests.scenarios.conftest import rehearse
from tests.scenarios.harness import FOLLOWER, open_rehearsal
from tests.scenarios.inbox import Received
from tests.scenarios.publication import import_theory_sheet
from tests.scenarios.stage import says

DAWN = datetime(2024, 9, 26, 7, 58, tzinfo=SHANGHAI)


@dataclass(frozen=True)
class Morning:
    inboxes: dict[str, list[Received]]
    contradictions: list[Contradiction]
    early: list[str]  # checked in before the exam
    twice: str  # checked in, then tried again
    absent: list[str]  # never checked in
    checked: int  # messages the checker compared with the state


async def morning(url: str, demo_parsed: Any) -> Morning:
    rehearsal = await open_rehearsal(url, demo_parsed, DAWN)
    try:
        teams = [rehearsal.team("SC-12345", p) for p in (1, 2)] + [rehearsal.team("SC-window", 1)]
        people = [code for team in teams for code in rehearsal.members(team)]
        await rehearsal.join(["ORG1", *people])
        await rehearsal.follow()
        rehearsal.start_the_day()
        early, absent = people[:-2], people[-2:]
        twice = early[0]
        arrivals = {f"08:{minute:02d}": [says(rehearsal, code, "/checkin")]
                    for minute, code in enumerate(early, start=1)}  # fmt: skip
        arrivals["08:20"] = [says(rehearsal, twice, "/checkin")]
        await rehearsal.run_until("10:29", arrivals)
        await import_theory_sheet(rehearsal)
        await rehearsal.run_until("10:50", {"10:45": [says(rehearsal, early[1], "/next")]})
        chats = rehearsal.chats | {"follower": FOLLOWER}
        return Morning(
            {code: rehearsal.inbox(chat) for code, chat in chats.items()},
            rehearsal.checker.found,
            early,
            twice,
            absent,
            rehearsal.checker.checked,
        )
    finally:
        await rehearsal.close()


@pytest.fixture(scope="module")
def day(fresh_database: Callable[[], str], demo_parsed: Any) -> Morning:
    return rehearse(morning(fresh_database(), demo_parsed))


def kinds(day: Morning, code: str) -> list[str]:
    return [r.kind for r in day.inboxes[code]]


def test_a_contestant_or_leader_checking_in_is_welcomed(day: Morning) -> None:
    for code in day.early[2:]:
        assert kinds(day, code) == ["sent:checked_in"], code


def test_checking_in_again_says_when_it_was_done(day: Morning) -> None:
    assert kinds(day, day.twice) == ["sent:checked_in", "sent:already_checked_in"]


def test_who_has_not_checked_in_hears_nothing_all_morning(day: Morning) -> None:
    for code in day.absent:
        assert kinds(day, code) == [], code


def test_asking_for_the_next_turn_gets_one_answer(day: Morning) -> None:
    code = day.early[1]
    assert kinds(day, code) == ["sent:checked_in", "sent:turn"]


def test_the_theory_import_reaches_no_one_before_publication(day: Morning) -> None:
    for code, inbox in day.inboxes.items():
        assert [r.kind for r in inbox if r.key] == [], code


def test_the_answer_about_the_afternoon_turn_agrees_with_the_state(day: Morning) -> None:
    assert day.checked == 1  # the /next at 10:45
    assert summary(day.contradictions) == []
