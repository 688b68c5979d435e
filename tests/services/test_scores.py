"""Entering a showcase score: only the round's own judges, only teams with a turn in it."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bot.domain.contest import ContestData
from bot.domain.scoring.errors import ScoringError
from bot.domain.scoring.rules import ScoringRules
from bot.domain.snapshot import ContestSnapshot
from bot.services.scores import NO_TURN, NOT_ASSIGNED, Entry, enter_showcase, judge_sheet
from storage.database import Database

NOW = datetime(2024, 9, 26, 6, 0, tzinfo=UTC)


async def enter(
    database: Database, demo_data: ContestData, judge_code: str, round_code: str, team: str
) -> Entry:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        data = await uow.contest.load()
        assert data is not None
        snapshot = ContestSnapshot.build(data, 1)
        judge = next(p for p in data.people if p.code == judge_code)
        entry = await enter_showcase(
            uow, snapshot, judge, round_code, team, Decimal(90), NOW, ScoringRules()
        )
        sheet = await judge_sheet(uow, snapshot, round_code, judge)
        assert sheet.scores == {team: Decimal("90.00")}
        await uow.commit()
    return entry


@pytest.mark.parametrize(
    ("judge", "round_code", "team", "message"),
    [
        ("J5", "SC-12345", "H07", NOT_ASSIGNED),  # the window panel
        ("J1", "SC-window", "W07", NOT_ASSIGNED),
        ("J1", "SC-12345", "W07", NO_TURN),  # another track's team
    ],
)
async def test_a_score_outside_the_judges_assignment_is_refused(
    database: Database, demo_data: ContestData, judge: str, round_code: str, team: str,
    message: str,
) -> None:  # fmt: skip
    with pytest.raises(ScoringError) as refused:
        await enter(database, demo_data, judge, round_code, team)
    assert refused.value.message == message


@pytest.mark.parametrize(("judge", "round_code", "team"),
                         [("J1", "SC-12345", "H07"), ("J5", "SC-window", "W07")])  # fmt: skip
async def test_a_judge_scores_their_own_tracks_showcase(
    database: Database, demo_data: ContestData, judge: str, round_code: str, team: str
) -> None:
    assert await enter(database, demo_data, judge, round_code, team) is Entry.SAVED
