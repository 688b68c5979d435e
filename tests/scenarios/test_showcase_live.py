"""The afternoon of 2024-09-26: the 12345 track's showcase run live from the stage manager's phone.

Eight teams have joined (three contestants and the leader each), with two organizers and a team
of the window track. The round goes live at 13:30 (8 minutes a turn); the second team overruns
and the stage manager adds ten minutes; the fourth team is absent; the fifth is quick. Some teams
tap "got it", some do not. Each person's inbox is compared with what the issue requires, and
every message with the live state at the moment it left.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from bot.domain.enums import Role
from bot.domain.problems import N_
from bot.texts.reminders import CONFIRMED as ACKNOWLEDGED
from tests.handlers.conftest import SHANGHAI
from tests.scenarios.checker import Contradiction, matches, renders, summary
from tests.scenarios.conftest import rehearse
from tests.scenarios.harness import Rehearsal, open_rehearsal
from tests.scenarios.inbox import Received
from tests.scenarios.stage import Board, arrives, got_it, says

ROUND = "SC-12345"
NOON = datetime(2024, 9, 26, 12, 20, tzinfo=SHANGHAI)
ABSENT_AT = datetime(2024, 9, 26, 13, 58, tzinfo=SHANGHAI)  # the fourth team is marked absent
JOINED_TEAMS = range(1, 9)  # positions in the running order
QUEUE = ("lead60", "lead30", "lead15")
LATE_ACKNOWLEDGEMENT = N_("✅ Team {team} has now confirmed “{reminder}”: {name}, {time}.")
NOT_CONFIRMED = N_("Not confirmed by anyone yet: {members}.")
FINISHED = N_("You finished {round} at {time}.")


@dataclass(frozen=True)
class Day:
    teams: dict[int, str]  # position → team code
    inboxes: dict[str, list[Received]]  # person code → what they received
    contradictions: list[Contradiction]
    organizers: list[str]
    window_team: list[str]
    names: dict[str, str]  # person code → name


def script(board: Board, rehearsal: Rehearsal) -> dict[str, list[Any]]:
    first, last = rehearsal.members(rehearsal.team(ROUND, 1))[0], rehearsal.team(ROUND, 8)
    waiting = rehearsal.members(last)[0]
    late = rehearsal.members(rehearsal.team(ROUND, 6))[0]
    steps: dict[str, list[Any]] = {
        "13:25": [board.open()],
        "13:30": [board.on_stage(1)],
        "13:35": [arrives(rehearsal, f"{rehearsal.team(ROUND, 5)}-3")],
        "13:38": [board.done(1), board.on_stage(2)],
        "13:40": [board.delay(10)],  # the second team overruns
        "13:50": [board.done(2), board.on_stage(3)],
        "13:58": [board.done(3), board.absent(4), board.on_stage(5)],
        "14:02": [got_it(rehearsal, late, "next")],  # after its leader was alerted
        "14:03": [board.done(5), board.on_stage(6)],  # a quick one
        "14:05": [says(rehearsal, waiting, "/next")],
        "14:30": [says(rehearsal, first, "/next")],
        "16:15": [says(rehearsal, waiting, "/next")],
    }
    moment = 14 * 60 + 11
    for position in range(6, 20):
        steps.setdefault(f"{moment // 60}:{moment % 60:02d}", []).extend(
            [board.done(position), board.on_stage(position + 1)]
        )
        moment += 8
    steps.setdefault(f"{moment // 60}:{moment % 60:02d}", []).append(board.done(20))
    return steps


async def showcase_day(url: str, demo_parsed: Any) -> Day:
    rehearsal = await open_rehearsal(url, demo_parsed, NOON)
    try:
        teams = {position: rehearsal.team(ROUND, position) for position in JOINED_TEAMS}
        window = rehearsal.team("SC-window", 1)
        codes = [code for team in [*teams.values(), window] for code in rehearsal.members(team)]
        await rehearsal.join(["ORG1", "ORG2", *codes])
        rehearsal.responders = {
            rehearsal.members(teams[2])[0]: {"two_before", "next"},
            f"{teams[3]}-L": {"two_before"},  # one "got it" for the whole turn
            rehearsal.members(teams[7])[1]: {"two_before", "next"},
            rehearsal.members(teams[8])[1]: {"two_before", "next"},
        }
        rehearsal.start_the_day()
        await rehearsal.run_until("16:25", script(Board(rehearsal, ROUND), rehearsal))
        return Day(
            teams,
            {code: rehearsal.inbox(code) for code in rehearsal.chats},
            rehearsal.checker.found,
            rehearsal.codes(Role.ORGANIZER),
            rehearsal.members(window),
            {p.code: p.name for p in rehearsal.snapshot.data.people},
        )
    finally:
        await rehearsal.close()


@pytest.fixture(scope="module")
def day(fresh_database: Callable[[], str], demo_parsed: Any) -> Day:
    return rehearse(showcase_day(fresh_database(), demo_parsed))


def outbox_kinds(day: Day, code: str) -> list[str]:
    return [r.kind for r in day.inboxes[code] if r.key]


def members(day: Day, position: int) -> list[str]:
    team = day.teams[position]
    return [code for code in day.inboxes if code.startswith(f"{team}-")]


def escalations_to_organizers(day: Day) -> list[tuple[str, str | None]]:
    return [(r.kind, r.team) for code in day.organizers for r in day.inboxes[code] if "!" in r.kind]


def contradictions(day: Day, escalations: bool) -> list[str]:
    """What the checker found about turn messages: escalations ('…:escalationN') or the rest."""
    return summary(
        c for c in day.contradictions
        if (c.key or "").startswith("turn:") and ("escalation" in (c.key or "")) == escalations
    )  # fmt: skip


TEAM_OF_THREE = ("-1", "-2", "-3")


def contestants(day: Day, position: int) -> list[str]:
    return [code for code in members(day, position) if code.endswith(TEAM_OF_THREE)]


def leader(day: Day, position: int) -> str:
    return f"{day.teams[position]}-L"


def test_the_first_team_is_reminded_by_time_then_called_on_stage(day: Day) -> None:
    for code in members(day, 1):
        assert outbox_kinds(day, code) == [*QUEUE, "on_stage"], code


def test_a_team_next_in_line_when_the_round_goes_live_hears_next_then_on_stage(day: Day) -> None:
    """Its first member taps "got it": the others' copies are edited to say so (next✓)."""
    first, *others = members(day, 2)
    assert outbox_kinds(day, first) == [*QUEUE, "next", "on_stage"]
    for code in others:
        assert outbox_kinds(day, code) == [*QUEUE, "next", "next✓", "on_stage"], code


def test_members_hear_two_teams_before_then_next_then_on_stage(day: Day) -> None:
    """Their leader acknowledges "two teams before you"; their copies say so."""
    expected = ["lead60", "lead30", "two_before", "two_before✓", "next", "on_stage"]
    for code in contestants(day, 3):
        assert outbox_kinds(day, code) == expected, code


def test_one_got_it_acknowledges_the_whole_turn_so_its_leader_is_not_alerted(day: Day) -> None:
    expected = ["lead60", "lead30", "two_before", "next", "on_stage"]
    assert outbox_kinds(day, leader(day, 3)) == expected


def test_got_it_marks_the_reminder_acknowledged_for_every_member(day: Day) -> None:
    for code in members(day, 2):
        inbox = day.inboxes[code]
        reminder = next(i for i, r in enumerate(inbox) if r.kind == "next")
        edits = [r for r in inbox[reminder + 1 :] if r.way == "edited"]
        assert edits, code
        assert not edits[-1].buttons, code
        assert renders(ACKNOWLEDGED, edits[-1].text), code


def test_the_member_who_taps_got_it_sees_the_reminder_edited_and_the_others_through_the_outbox(
    day: Day,
) -> None:
    first, *others = members(day, 2)
    assert [r.kind for r in day.inboxes[first] if r.way == "edited"] == ["edited:acknowledged"]
    for code in others:
        assert [r.kind for r in day.inboxes[code] if r.way == "edited"] == ["next✓"], code


def test_an_absent_team_hears_nothing_once_marked_absent(day: Day) -> None:
    for code in contestants(day, 4):
        assert outbox_kinds(day, code) == ["lead60", "lead30", "two_before", "next"]
    for code in members(day, 4):
        assert all(r.at < ABSENT_AT for r in day.inboxes[code]), code


def test_a_leader_is_alerted_when_nobody_in_the_waiting_team_answers(day: Day) -> None:
    """One escalation chain per turn: "next" does not start a second one."""
    expected = ["lead60", "lead30", "two_before", "two_before!1", "next"]
    assert outbox_kinds(day, leader(day, 4)) == expected


def test_a_team_called_after_an_absent_one_skips_next(day: Day) -> None:
    for code in contestants(day, 5):
        assert outbox_kinds(day, code) == ["lead60", "lead30", "two_before", "on_stage"]


def test_a_check_in_acknowledges_the_turn_so_its_leader_is_not_alerted(day: Day) -> None:
    assert outbox_kinds(day, leader(day, 5)) == ["lead60", "lead30", "two_before", "on_stage"]


def test_a_leader_alerted_once_is_then_called_on_stage(day: Day) -> None:
    """A member taps "got it" a minute after the alert: the leader is told, once."""
    expected = ["lead60", "lead30", "next", "next!1", "next✓", "acknowledged", "on_stage"]
    assert outbox_kinds(day, leader(day, 6)) == expected


def test_an_acknowledgement_after_an_alert_tells_the_alerted_who_confirmed(day: Day) -> None:
    (notice,) = [r for r in day.inboxes[leader(day, 6)] if r.kind == "acknowledged"]
    (told,) = matches(LATE_ACKNOWLEDGEMENT, notice.text)
    assert told["name"] == day.names[members(day, 6)[0]]
    assert told["time"] == "14:02"


def test_escalations_name_the_members_nobody_of_whom_confirmed(day: Day) -> None:
    alerts = [r for r in day.inboxes[leader(day, 4)] if "!" in r.kind]
    alerts += [r for o in day.organizers for r in day.inboxes[o] if r.team == day.teams[4]]
    assert len(alerts) == 1 + len(day.organizers)
    assert all(renders(NOT_CONFIRMED, r.text) for r in alerts)


def test_teams_that_answer_get_each_queue_reminder_once(day: Day) -> None:
    """Their second member acknowledges "two teams before you", for the whole turn."""
    for position in (7, 8):
        for code in members(day, position):
            acknowledged = [] if code == members(day, position)[1] else ["two_before✓"]
            expected = ["lead60", "two_before", *acknowledged, "next", "on_stage"]
            assert outbox_kinds(day, code) == expected, code


def test_the_other_track_hears_only_of_its_own_round(day: Day) -> None:
    for code in day.window_team:
        keys = [r.key or "" for r in day.inboxes[code]]
        assert [k.rsplit(":", 1)[-1] for k in keys] == list(QUEUE)
        assert all(k.startswith("turn:SC-window:") for k in keys)


def test_organizers_are_alerted_only_about_waiting_teams_nobody_acknowledged(day: Day) -> None:
    joined = set(day.teams.values())
    alerts = [alert for alert in escalations_to_organizers(day) if alert[1] in joined]
    absent = day.teams[4]
    assert alerts == [("two_before!2", absent)] * len(day.organizers)


def test_every_reminder_agrees_with_the_live_run_when_it_is_sent(day: Day) -> None:
    assert contradictions(day, escalations=False) == []


def test_no_escalation_is_sent_after_the_team_was_called(day: Day) -> None:
    assert contradictions(day, escalations=True) == []


def test_answers_count_the_teams_before_from_the_live_run(day: Day) -> None:
    assert summary(c for c in day.contradictions if c.key is None) == []


def test_after_performing_the_answer_says_when_the_team_finished(day: Day) -> None:
    """/next at 14:30 from the first team (done at 13:38): finished, then the next round."""
    (answer,) = [r for r in day.inboxes[members(day, 1)[0]] if r.kind == "sent:turn"]
    (finished,) = matches(FINISHED, answer.text)
    assert finished["time"] == "13:38"


def test_figure_escalations_received_by_organizers_over_the_day(
    day: Day, capsys: pytest.CaptureFixture[str]
) -> None:
    """Today's value is reported; the alerts about joined teams are checked above."""
    alerts = escalations_to_organizers(day)
    per_organizer = {code: sum("!" in r.kind for r in day.inboxes[code]) for code in day.organizers}
    with capsys.disabled():
        print(f"\nescalations received by organizers over the showcase: {len(alerts)} "
              f"({per_organizer}; about {len({team for _, team in alerts})} teams)")  # fmt: skip
    assert sum(per_organizer.values()) == len(alerts)
