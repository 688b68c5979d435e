"""The evening of 2024-09-26: the showcase scored by the judges, the theory sheet imported, the
results published (a partial round refused, the complete one sent, one withdrawn).

Two rehearsals: on one, a single judge of the track's panel (J1–J4) has scored two teams and
nothing else is in when an organizer opens the preview, which refuses it; the rest of the panel
then scores the same two teams and the organizer publishes anyway ("2 of 20 scored"). On the
other, the four judges score all twenty teams, the theory sheet comes in, both rounds are
published through their preview and the showcase is then withdrawn with a typed reason.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest

from bot.domain.problems import N_
from tests.handlers.conftest import SHANGHAI
from tests.scenarios.checker import Contradiction, matches, renders, summary
from tests.scenarios.conftest import rehearse
from tests.scenarios.harness import FOLLOWER, Rehearsal, open_rehearsal
from tests.scenarios.inbox import Received
from tests.scenarios.publication import (
    import_theory_sheet,
    judge_scores,
    preview,
    publish,
    withdraw,
)

SHOWCASE, THEORY = "SC-12345", "TH-12345"
EVENING = datetime(2024, 9, 26, 16, 30, tzinfo=SHANGHAI)
JUDGES = [f"J{n}" for n in range(1, 5)]  # the 12345 track's panel
OTHER_PANEL = [f"J{n}" for n in range(5, 8)]  # the window track's
ANYWAY = N_("⚠ Publish anyway: {scored} of {count} scored, missing {missing}")
PENDING = N_("Your team's showcase score is pending.")
RANKED = N_("Your team's showcase score: {score} (rank {rank} of {count} teams).")
TEAMS = (1, 2, 3, 4)  # positions of the joined teams in the showcase's running order
Inboxes = dict[int, list[Received]]


@dataclass
class Evening:
    rehearsal_chats: dict[str, int]
    contestants: list[str]
    window_team: list[str]
    published: Inboxes = field(default_factory=dict)  # as it was once both rounds were out
    withdrawn: Inboxes = field(default_factory=dict)  # and after the withdrawal
    anyway: Inboxes = field(default_factory=dict)  # a partial round, published anyway
    contradictions: list[Contradiction] = field(default_factory=list)
    judge_answers: dict[str, list[str]] = field(default_factory=dict)
    scored: list[str] = field(default_factory=list)  # the teams scored by the whole panel

    def kinds(self, inboxes: Inboxes, code: str | int, outbox_only: bool = True) -> list[str]:
        chat = self.rehearsal_chats[code] if isinstance(code, str) else code
        return [r.kind for r in inboxes.get(chat, []) if r.key or not outbox_only]


async def joined(url: str, demo_parsed: Any) -> tuple[Rehearsal, list[str], list[str]]:
    rehearsal = await open_rehearsal(url, demo_parsed, EVENING)
    teams = [rehearsal.team(SHOWCASE, position) for position in TEAMS]
    members = [code for team in teams for code in rehearsal.members(team)]
    window = rehearsal.members(rehearsal.team("SC-window", 1))
    await rehearsal.join(["ORG1", "ORG2", *JUDGES, *OTHER_PANEL, *members, *window])
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
        await withdraw(rehearsal, SHOWCASE, "评委 J3 的分数录错了")
        await rehearsal.run_until("17:10")
        evening.withdrawn = inboxes(rehearsal)
        evening.contradictions = rehearsal.checker.found
        return evening
    finally:
        await rehearsal.close()


async def partial_evening(url: str, demo_parsed: Any) -> Evening:
    """One judge of four has scored two teams; no theory sheet; an organizer opens the preview.
    Then the other three score the same two teams and the organizer publishes anyway."""
    rehearsal, contestants, window = await joined(url, demo_parsed)
    try:
        evening = Evening(rehearsal.chats | {"follower": FOLLOWER}, contestants, window)
        two = [rehearsal.team(SHOWCASE, 1), rehearsal.team(SHOWCASE, 2)]
        evening.judge_answers["J1"] = await judge_scores(rehearsal, "J1", two)
        await rehearsal.run_until("16:50", {"16:45": [lambda: preview(rehearsal, SHOWCASE)]})
        evening.published = inboxes(rehearsal)
        for judge in JUDGES[1:]:
            evening.judge_answers[judge] = await judge_scores(rehearsal, judge, two)
        evening.scored = two
        anyway = {"16:55": [lambda: publish(rehearsal, SHOWCASE, anyway=True)]}
        await rehearsal.run_until("17:00", anyway)
        evening.anyway = inboxes(rehearsal)
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


def test_each_judge_of_the_panel_scores_the_twenty_teams_in_the_bot(complete: Evening) -> None:
    assert sorted(complete.judge_answers) == JUDGES
    for judge, answers in complete.judge_answers.items():
        assert [a.startswith(("✓ 已保存", "✓ Saved")) for a in answers] == [True] * 20, judge


def test_a_judge_types_the_scores_on_one_board_edited_in_place(complete: Evening) -> None:
    """/score, one tap on the first team, then twenty numbers: the board is edited each time."""
    for judge in JUDGES:
        kinds = complete.kinds(complete.published, judge, outbox_only=False)
        assert kinds == ["sent:other", "edited:other"] + ["edited:score_saved"] * 20, judge


def test_the_other_tracks_judges_are_not_offered_this_showcase(partial: Evening) -> None:
    assert sorted(partial.judge_answers) == JUDGES
    for judge in OTHER_PANEL:
        assert partial.kinds(partial.anyway, judge, outbox_only=False) == [], judge


def test_a_partial_publication_reaches_no_contestant_and_no_follower(partial: Evening) -> None:
    for code in [*partial.contestants, "follower"]:
        assert partial.kinds(partial.published, code) == [], code


def organizer_replies(evening: Evening, inboxes: Inboxes) -> list[Received]:
    return inboxes[evening.rehearsal_chats["ORG1"]]


def test_a_partial_round_is_previewed_with_no_button_to_publish_it(partial: Evening) -> None:
    """Nothing is scored by the whole panel: neither "publish" nor "publish anyway"."""
    replies = organizer_replies(partial, partial.published)
    assert [r.kind for r in replies] == ["sent:publish_rounds", "photo:other", "sent:preview"]
    assert replies[-1].buttons == ()


def test_a_partial_publication_is_refused_naming_the_judges_who_have_not_scored(
    partial: Evening,
) -> None:
    preview_text = organizer_replies(partial, partial.published)[-1].text
    for judge in JUDGES[1:]:
        assert judge in preview_text, judge
    for judge in OTHER_PANEL:
        assert judge not in preview_text, judge


def test_publishing_anyway_needs_the_button_naming_what_is_missing(partial: Evening) -> None:
    replies = organizer_replies(partial, partial.anyway)[3:]
    kinds = ["sent:publish_rounds", "photo:other", "sent:preview", "sent:published"]
    assert [r.kind for r in replies] == kinds
    (label,) = [label for label, _ in replies[2].buttons]
    (anyway,) = matches(ANYWAY, label)
    assert (anyway["scored"], anyway["count"]) == ("2", "20")


def test_published_anyway_the_scored_get_a_rank_and_the_others_hear_it_is_pending(
    partial: Evening,
) -> None:
    for code in partial.contestants:
        (result,) = [r for r in partial.anyway[partial.rehearsal_chats[code]] if r.key]
        assert result.key == f"result:{SHOWCASE}:v1", code
        scored = code.rsplit("-", 1)[0] in partial.scored
        assert (renders(RANKED, result.text), renders(PENDING, result.text)) == (
            scored,
            not scored,
        ), code


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


def test_each_publication_is_previewed_then_confirmed_and_the_withdrawal_asks_a_reason(
    complete: Evening,
) -> None:
    asked = ["sent:publish_rounds", "photo:other", "sent:preview"]
    published = [*asked, "sent:published"]
    withdrawn = [*asked, "sent:withdrawal_reason", "sent:withdrawn"]
    kinds = [r.kind for r in organizer_replies(complete, complete.withdrawn)]
    assert kinds == published + published + withdrawn


def test_a_withdrawal_sends_one_correction_notice_to_everyone_who_received_it(
    complete: Evening,
) -> None:
    recipients = [*complete.contestants, "follower"]
    for code in recipients:
        before = complete.kinds(complete.published, code)
        after = complete.kinds(complete.withdrawn, code)
        assert after[: len(before)] == before, code
        assert after[len(before) :] == [f"withdrawn:{SHOWCASE}:v1"], code
    for code in complete.window_team:
        assert complete.kinds(complete.withdrawn, code) == [], code
