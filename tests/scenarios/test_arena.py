"""The morning of 2024-09-27: the 12345 track's arena preliminary run live (10 minutes a turn),
the scorekeeper recording each team's buzzer answer at /arena while it is on stage, and the
round published once it is over. Yesterday's theory sheet and showcase scores are in."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from bot.domain.enums import Role
from tests.handlers.conftest import SHANGHAI
from tests.scenarios.checker import Contradiction, renders, summary
from tests.scenarios.conftest import rehearse
from tests.scenarios.harness import Action, Rehearsal, open_rehearsal
from tests.scenarios.inbox import Received
from tests.scenarios.publication import (
    buzzer_answer,
    import_theory_sheet,
    publish,
    showcase_scored,
)
from tests.scenarios.stage import Board

ROUND = "AR-12345"
EARLY = datetime(2024, 9, 27, 7, 25, tzinfo=SHANGHAI)
JOINED_TEAMS = (1, 2, 3, 4)
# The personal result of an arena preliminary (bot/texts/results.py), as the catalog has it.
TOTAL = (
    "Your total: {total} (theory {theory}, practical {practical}), rank {rank} of {count} in "
    "your track."
)


@dataclass(frozen=True)
class ArenaDay:
    teams: dict[int, str]
    inboxes: dict[str, list[Received]]
    contradictions: list[Contradiction]
    organizers: list[str]


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def script(rehearsal: Rehearsal, board: Board) -> dict[str, list[Action]]:
    """Each team on stage on the printed minute, its answer recorded five minutes in, done at
    nine; then the round is published."""
    steps: dict[str, list[Action]] = {"08:25": [board.open()]}
    for position in range(1, 21):
        start = 8 * 60 + 30 + 10 * (position - 1)
        team = rehearsal.team(ROUND, position)
        steps.setdefault(clock(start), []).append(board.on_stage(position))

        def record(team: str = team) -> Any:
            return buzzer_answer(rehearsal, "ORG2", ROUND, team)

        steps[clock(start + 5)] = [record]
        steps[clock(start + 9)] = [board.done(position)]
    steps["11:50"] = [lambda: publish(rehearsal, ROUND)]
    return steps


async def arena_day(url: str, demo_parsed: Any) -> ArenaDay:
    rehearsal = await open_rehearsal(url, demo_parsed, EARLY)
    try:
        await import_theory_sheet(rehearsal)
        await showcase_scored(rehearsal, "SC-12345")
        teams = {position: rehearsal.team(ROUND, position) for position in JOINED_TEAMS}
        people = [code for team in teams.values() for code in rehearsal.members(team)]
        await rehearsal.join(["ORG1", "ORG2", *people])
        rehearsal.responders = {f"{team}-L": {"two_before", "next"} for team in teams.values()}
        rehearsal.start_the_day()
        await rehearsal.run_until("11:55", script(rehearsal, Board(rehearsal, ROUND)))
        return ArenaDay(
            teams,
            {code: rehearsal.inbox(code) for code in rehearsal.chats},
            rehearsal.checker.found,
            rehearsal.codes(Role.ORGANIZER),
        )
    finally:
        await rehearsal.close()


@pytest.fixture(scope="module")
def day(fresh_database: Callable[[], str], demo_parsed: Any) -> ArenaDay:
    return rehearse(arena_day(fresh_database(), demo_parsed))


def outbox_kinds(day: ArenaDay, code: str) -> list[str]:
    return [r.kind for r in day.inboxes[code] if r.key]


def members(day: ArenaDay, position: int) -> list[str]:
    return [code for code in day.inboxes if code.startswith(f"{day.teams[position]}-")]


RESULT = f"result:{ROUND}:v1"
# The leader taps "got it" under the first reminder that asks; the contestants' copies are then
# edited to say so (✓), and the turn asks no more.
EXPECTED = {
    1: ["lead60", "lead30", "lead15", "on_stage"],
    2: ["lead60", "lead30", "lead15", "next", "next✓", "on_stage"],
    3: ["lead60", "lead30", "two_before", "two_before✓", "next", "on_stage"],
    4: ["lead60", "lead30", "two_before", "two_before✓", "next", "on_stage"],  # lead30 at 08:30
}


@pytest.mark.parametrize("position", JOINED_TEAMS)
def test_each_team_hears_its_turn_then_its_result(day: ArenaDay, position: int) -> None:
    for code in members(day, position):
        if code.endswith("-L"):  # the leader's own copy is edited by the tap, not the outbox
            expected = [k for k in EXPECTED[position] if not k.endswith("✓")]
        else:
            expected = [*EXPECTED[position], RESULT]
        assert outbox_kinds(day, code) == expected, code


def test_each_contestant_receives_the_total_once_the_round_is_published(day: ArenaDay) -> None:
    for position in JOINED_TEAMS:
        for code in members(day, position):
            results = [r for r in day.inboxes[code] if r.key == RESULT]
            assert [renders(TOTAL, r.text) for r in results] == (
                [] if code.endswith("-L") else [True]
            )


def test_no_message_of_the_arena_contradicts_the_live_run_or_the_scores(day: ArenaDay) -> None:
    assert summary(day.contradictions) == []


def test_figure_escalations_received_by_organizers_over_the_arena(
    day: ArenaDay, capsys: pytest.CaptureFixture[str]
) -> None:
    alerts = [r for code in day.organizers for r in day.inboxes[code] if "!" in r.kind]
    joined = set(day.teams.values())
    with capsys.disabled():
        print(f"\nescalations received by organizers over the arena: {len(alerts)}")
    assert not [r for r in alerts if r.team in joined]  # their leaders answered every reminder
