"""The trail against the tables: a score changed behind the bot's back is named."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import text

from bot.domain.contest import ContestData
from bot.domain.scoring.rules import ScoringRules
from bot.domain.snapshot import ContestSnapshot
from bot.services.audit_verify import Mismatch, reconcile
from bot.services.scores import enter_showcase
from storage.database import Database

NOW = datetime(2024, 9, 26, 6, 0, tzinfo=UTC)


async def scored(database: Database, demo_data: ContestData) -> None:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        data = await uow.contest.load()
        assert data is not None
        snapshot = ContestSnapshot.build(data, 1)
        judge = next(p for p in data.people if p.code == "J3")
        rules = ScoringRules()
        await enter_showcase(uow, snapshot, judge, "SC-12345", "H07", Decimal("91.5"), NOW, rules)
        await uow.commit()


async def test_untouched_scores_agree_with_the_trail(
    database: Database, demo_data: ContestData
) -> None:
    await scored(database, demo_data)
    async with database.unit_of_work() as uow:
        assert await reconcile(uow) == []


async def test_a_showcase_score_edited_in_the_database_is_named(
    database: Database, demo_data: ContestData
) -> None:
    await scored(database, demo_data)
    async with database.engine.begin() as connection:
        await connection.execute(text("UPDATE showcase_scores SET hundredths = 9900"))
    async with database.unit_of_work() as uow:
        assert await reconcile(uow) == [
            Mismatch("showcase:SC-12345:H07:J3", "99.00", "91.50", sequence=1)
        ]


async def test_a_score_added_in_the_database_is_named_as_never_recorded(
    database: Database, demo_data: ContestData
) -> None:
    await scored(database, demo_data)
    async with database.engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO showcase_scores (round_code, team_code, judge_code, hundredths, "
                 "updated_at) VALUES ('SC-12345', 'H08', 'J3', 10000, '2024-09-26 06:00:00')")
        )  # fmt: skip
    async with database.unit_of_work() as uow:
        assert await reconcile(uow) == [Mismatch("showcase:SC-12345:H08:J3", "100.00", None)]
