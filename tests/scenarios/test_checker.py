"""The contradiction checker itself: each rule flags what contradicts the state, and only that."""

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest

from bot.domain.enums import Locale, RoundKind
from bot.domain.live import EventKind, StageEvent
from bot.services.live import record
from bot.texts.texts import Texts
from tests.handlers.conftest import SHANGHAI
from tests.scenarios.checker import MISSING, RANKED, TEAMS_BEFORE
from tests.scenarios.harness import Rehearsal, open_rehearsal

ROUND = "SC-12345"
CALLED = datetime(2024, 9, 26, 13, 30, tzinfo=SHANGHAI)  # the first team goes on stage


@pytest.fixture
async def rehearsal(database_url: str, demo_parsed: Any) -> AsyncIterator[Rehearsal]:
    """The showcase with its first team on stage and the second waiting; one contestant each."""
    opened = await open_rehearsal(database_url, demo_parsed, CALLED)
    await opened.join(["ORG1", f"{opened.team(ROUND, 1)}-1", f"{opened.team(ROUND, 2)}-1"])
    async with opened.database.unit_of_work() as uow:
        await record(uow, opened.snapshot, ROUND, StageEvent(EventKind.START, CALLED, 1), None)
        await uow.commit()
    yield opened
    await opened.close()


async def reasons(rehearsal: Rehearsal, position: int, key: str | None, text: str) -> list[str]:
    chat = rehearsal.chats[f"{rehearsal.team(ROUND, position)}-1"]
    before = len(rehearsal.checker.found)
    await rehearsal.checker.check(rehearsal.clock.now(), chat, key, text)
    return [c.why for c in rehearsal.checker.found[before:]]


def turn(rehearsal: Rehearsal, position: int, kind: str) -> str:
    return f"turn:{ROUND}:{position}:{rehearsal.team(ROUND, position)}:{kind}"


@pytest.mark.parametrize(
    ("position", "kind", "contradicts"),
    [
        (1, "next", True),  # the team is on stage already
        (1, "two_before:escalation2", True),
        (1, "on_stage", False),
        (2, "on_stage", True),  # still waiting
        (2, "next:escalation1", False),
        (1, "next:ack", False),  # the copy edited to say who acknowledged: a fact
        (1, "acknowledged", False),  # the alerted told who acknowledged
    ],
)
async def test_a_turn_message_contradicts_a_team_no_longer_waiting(
    rehearsal: Rehearsal, position: int, kind: str, contradicts: bool
) -> None:
    found = await reasons(rehearsal, position, turn(rehearsal, position, kind), "")
    assert bool(found) is contradicts, found


async def test_a_reminder_must_name_the_forecast_time(rehearsal: Rehearsal) -> None:
    key = turn(rehearsal, 2, "next")
    assert await reasons(rehearsal, 2, key, "13:38") == []
    assert await reasons(rehearsal, 2, key, "13:46") != []


async def test_a_result_before_publication_contradicts_the_embargo(rehearsal: Rehearsal) -> None:
    found = await reasons(rehearsal, 1, f"result:{ROUND}:v1", "")
    assert found == [f"result of {ROUND} before it is published"]


async def test_a_missing_score_and_a_rank_without_a_score_are_flagged(
    rehearsal: Rehearsal,
) -> None:
    async with rehearsal.database.unit_of_work() as uow:  # published, as far as the checker knows
        await uow.publications.publish(ROUND, 1, "ORG1", rehearsal.clock.now())
        await uow.commit()
    t = Texts(Locale.ZH_HANS, rehearsal.snapshot.zone)
    text = t(RANKED[RoundKind.SHOWCASE], score=MISSING, rank=1, count=20)
    found = await reasons(rehearsal, 1, f"result:{ROUND}:v1", text)
    assert len(found) == 2, found
    assert found[0] == "a missing score"
    assert found[1].startswith("a rank for ")


def answer(rehearsal: Rehearsal, *rounds: str) -> str:
    """An answer naming each round in turn, then counting the teams before."""
    t = Texts(Locale.ZH_HANS, rehearsal.snapshot.zone)
    names = [t.name(r.name, r.name_en) for r in map(rehearsal.snapshot.rounds.get, rounds) if r]
    return "\n".join([*names, t(TEAMS_BEFORE, position=11, size=20, before=10)])


@pytest.mark.parametrize(
    ("rounds", "contradicts"),
    [
        ((ROUND,), True),  # the team is on stage in it
        ((ROUND, "AR-12345"), False),  # finished this one; the count is about the next
        (("AR-12345", ROUND), True),
    ],
)
async def test_teams_before_are_counted_in_the_round_named_last_before_them(
    rehearsal: Rehearsal, rounds: tuple[str, ...], contradicts: bool
) -> None:
    found = await reasons(rehearsal, 1, None, answer(rehearsal, *rounds))
    assert bool(found) is contradicts, found
