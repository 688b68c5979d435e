"""The evening of 2024-09-26: the showcase scored by the judges, the theory sheet imported, the
results published (a partial round refused, the complete one sent, one withdrawn).

Two rehearsals: on one, a single judge has scored two teams and nothing else is in when an
organizer asks to publish; on the other, all seven judges score all twenty teams, the theory
sheet comes in, both rounds are published and the showcase is then withdrawn.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest

from tests.handlers.conftest import SHANGHAI
from tests.scenarios.checker import Contradiction, summary
from tests.scenarios.conftest import rehearse
from tests.scenarios.harness import FOLLOWER, Rehearsal, open_rehearsal
from tests.scenarios.inbox import Received
from tests.scenarios.publication import (
    MissingBehaviourError,
    import_theory_sheet,
    judge_scores,
    publish,
    withdraw,
)

SHOWCASE, THEORY = "SC-12345", "TH-12345"
EVENING = datetime(2024, 9, 26, 16, 30, tzinfo=SHANGHAI)
JUDGES = [f"J{n}" for n in range(1, 8)]
TEAMS = (1, 2, 3, 4)  # positions of the joined teams in the showcase's running order
Inboxes = dict[int, list[Received]]


@dataclass
class Evening:
    rehearsal_chats: dict[str, int]
    contestants: list[str]
    window_team: list[str]
    published: Inboxes = field(default_factory=dict)  # as it was once both rounds were out
    withdrawn: Inboxes = field(default_factory=dict)  # and after the withdrawal
    contradictions: list[Contradiction] = field(default_factory=list)
    judge_answers: dict[str, list[str]] = field(default_factory=dict)
    missing: str = ""  # why the withdrawal could not be done

    def kinds(self, inboxes: Inboxes, code: str | int, outbox_only: bool = True) -> list[str]:
        chat = self.rehearsal_chats[code] if isinstance(code, str) else code
        return [r.kind for r in inboxes.get(chat, []) if r.key or not outbox_only]


async def joined(url: str, demo_parsed: Any) -> tuple[Rehearsal, list[str], list[str]]:
    rehearsal = await open_rehearsal(url, demo_parsed, EVENING)
    teams = [rehearsal.team(SHOWCASE, position) for position in TEAMS]
    members = [code for team in teams for code in rehearsal.members(team)]
    window = rehearsal.members(rehearsal.team("SC-window", 1))
    await rehearsal.join(["ORG1", "ORG2", *JUDGES, *members, *window])
    await rehearsal.follow()
    rehearsal.start_the_day()
    contestants = [code for code in members if not code.endswith("-L")]
    return rehearsal, contestants, window


def inboxes(rehearsal: Rehearsal) -> Inboxes:
    return {chat: list(received) for chat, received in rehearsal.session.inboxes.items()}


async def complete_evening(url: str, demo_parsed: Any) -> Evening:
    rehearsal, contestants, window = await joined(url, demo_parsed)
    try:
        evening = Evening(rehearsal.chats | {"follower": FOLLOWER}, contestants, window)
        teams = [rehearsal.team(SHOWCASE, p) for p in range(1, 21)]
        for judge in JUDGES:
            evening.judge_answers[judge] = await judge_scores(rehearsal, judge, teams)
        await rehearsal.run_until("16:40")
        await import_theory_sheet(rehearsal)
        await rehearsal.run_until("16:50", {"16:45": [lambda: publish(rehearsal, SHOWCASE)]})
        await rehearsal.run_until("17:00", {"16:55": [lambda: publish(rehearsal, THEORY)]})
        evening.published = inboxes(rehearsal)
        try:
            await withdraw(rehearsal, SHOWCASE, "评委 J3 的分数录错了")
        except MissingBehaviourError as missing:
            evening.missing = str(missing)
        await rehearsal.run_until("17:10")
        evening.withdrawn = inboxes(rehearsal)
        evening.contradictions = rehearsal.checker.found
        return evening
    finally:
        await rehearsal.close()


async def partial_evening(url: str, demo_parsed: Any) -> Evening:
    """One judge of seven has scored two teams; no theory sheet; an organizer asks to publish."""
    rehearsal, contestants, window = await joined(url, demo_parsed)
    try:
        evening = Evening(rehearsal.chats | {"follower": FOLLOWER}, contestants, window)
        two = [rehearsal.team(SHOWCASE, 1), rehearsal.team(SHOWCASE, 2)]
        evening.judge_answers["J1"] = await judge_scores(rehearsal, "J1", two)
        await rehearsal.run_until("16:50", {"16:45": [lambda: publish(rehearsal, SHOWCASE)]})
        evening.published = inboxes(rehearsal)
        evening.contradictions = rehearsal.checker.found
        return evening
    finally:
        await rehearsal.close()


@pytest.fixture(scope="module")
def complete(fresh_database: Callable[[], str], demo_parsed: Any) -> Evening:
    return rehearse(complete_evening(fresh_database(), demo_parsed))


@pytest.fixture(scope="module")
def partial(fresh_database: Callable[[], str], demo_parsed: Any) -> Evening:
    return rehearse(partial_evening(fresh_database(), demo_parsed))


def test_each_judge_scores_the_twenty_teams_in_the_bot(complete: Evening) -> None:
    for judge, answers in complete.judge_answers.items():
        assert [a.startswith(("已保存", "Saved")) for a in answers] == [True] * 20, judge


@pytest.mark.xfail(strict=True, reason="issue 13 item 1: an incomplete round is refused")
def test_a_partial_publication_reaches_no_contestant_and_no_follower(partial: Evening) -> None:
    for code in [*partial.contestants, "follower"]:
        assert partial.kinds(partial.published, code) == [], code


@pytest.mark.xfail(strict=True, reason="issue 13 item 1: the refusal names what is missing")
def test_a_partial_publication_is_refused_naming_the_judges_who_have_not_scored(
    partial: Evening,
) -> None:
    replies = " ".join(r.text for r in partial.published[partial.rehearsal_chats["ORG1"]])
    for judge in JUDGES[1:]:
        assert judge in replies, judge


@pytest.mark.xfail(strict=True, reason="issue 13 item 1: no '–' and no rank for the unscored")
def test_nobody_receives_a_missing_score_or_a_rank_without_a_score(partial: Evening) -> None:
    assert summary(partial.contradictions) == []


def test_nothing_reaches_contestants_before_publication(complete: Evening) -> None:
    for code in complete.contestants:
        first = complete.published[complete.rehearsal_chats[code]][0]
        assert first.key == f"result:{SHOWCASE}:v1", code


def test_each_contestant_receives_the_showcase_then_the_theory_result_once(
    complete: Evening,
) -> None:
    expected = [f"result:{SHOWCASE}:v1", f"result:{THEORY}:v1"]
    for code in complete.contestants:
        assert complete.kinds(complete.published, code) == expected, code


def test_leaders_and_the_other_track_receive_no_result(complete: Evening) -> None:
    leaders = [c for c in complete.rehearsal_chats if c.endswith("-L")]
    for code in [*leaders, *complete.window_team]:
        assert complete.kinds(complete.published, code) == [], code


def test_the_follower_receives_the_standings_picture_of_each_round(complete: Evening) -> None:
    received = complete.published[FOLLOWER]
    outbox = [r for r in received if r.key]
    assert [r.key for r in outbox] == [f"standings:{SHOWCASE}:v1", f"standings:{THEORY}:v1"]
    assert {r.way for r in outbox} == {"photo"}


def test_every_published_result_agrees_with_the_scores_when_it_is_sent(
    complete: Evening,
) -> None:
    assert summary(complete.contradictions) == []


@pytest.mark.xfail(strict=True, reason="issue 13 item 1: withdrawing a publication")
def test_a_withdrawal_sends_one_correction_notice_to_everyone_who_received_it(
    complete: Evening,
) -> None:
    assert complete.missing == ""
    recipients = [*complete.contestants, "follower"]
    for code in recipients:
        before = complete.kinds(complete.published, code)
        after = complete.kinds(complete.withdrawn, code)
        assert after[: len(before)] == before, code
        (notice,) = after[len(before) :]
        assert SHOWCASE in notice, code
    for code in complete.window_team:
        assert complete.kinds(complete.withdrawn, code) == [], code
