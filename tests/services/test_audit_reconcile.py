"""The trail against the tables: a score or an arena event changed behind the bot's back is
named."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import text

from bot.domain.audit import AuditAction
from bot.domain.contest import ContestData
from bot.domain.scoring.arena import Buzz, BuzzOutcome, RiskOutcome, RiskPick
from bot.domain.scoring.rules import ScoringRules
from bot.domain.snapshot import ContestSnapshot
from bot.services.arena import record_event, undo_last
from bot.services.audit import record
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


ARENA = "AR-12345"
ARENA_SUBJECT = f"arena:{ARENA}"


async def arena_played(database: Database, demo_data: ContestData) -> None:
    """Two events recorded on AR-12345 (a buzz, then a risk pick), then the pick undone, then a
    wrong buzz: two events stand, the board is at version four."""
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        rules = ScoringRules()
        await record_event(uow, ARENA, Buzz("H14", BuzzOutcome.CORRECT), 0, "ORG1", NOW, rules)
        pick = RiskPick("H14", Decimal(20), RiskOutcome.CORRECT)
        await record_event(uow, ARENA, pick, 1, "ORG1", NOW, rules)
        await undo_last(uow, ARENA, 2, "ORG1", NOW)
        await record_event(uow, ARENA, Buzz("H15", BuzzOutcome.WRONG), 3, "ORG1", NOW, rules)
        await uow.commit()


async def tampered(database: Database, statement: str) -> list[Mismatch]:
    async with database.engine.begin() as connection:
        await connection.execute(text(statement))
    async with database.unit_of_work() as uow:
        return await reconcile(uow)


async def test_untouched_arena_events_agree_with_the_trail(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    async with database.unit_of_work() as uow:
        assert await reconcile(uow) == []


async def test_an_arena_event_edited_in_the_database_is_named_by_its_place(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    found = await tampered(database, "UPDATE arena_events SET outcome = 'correct' "
                                     "WHERE team_code = 'H15'")  # fmt: skip
    assert found == [
        Mismatch(f"{ARENA_SUBJECT}:2", "kind=buzz outcome=correct team=H15",
                 "kind=buzz outcome=wrong team=H15", sequence=4),
    ]  # fmt: skip


async def test_an_arena_event_deleted_in_the_database_is_named_as_missing(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    found = await tampered(database, "DELETE FROM arena_events WHERE team_code = 'H15'")
    assert found == [
        Mismatch(f"{ARENA_SUBJECT}:2", None, "kind=buzz outcome=wrong team=H15", sequence=4)
    ]


async def test_an_arena_event_added_in_the_database_is_named_as_never_recorded(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    found = await tampered(
        database,
        "INSERT INTO arena_events (round_code, team_code, kind, outcome, at, undone) VALUES "
        f"('{ARENA}', 'H16', 'buzz', 'correct', '2024-09-26 06:00:00', FALSE)",
    )
    assert found == [Mismatch(f"{ARENA_SUBJECT}:3", "kind=buzz outcome=correct team=H16", None)]


async def test_an_undo_taken_back_in_the_database_is_named(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    found = await tampered(database, "UPDATE arena_events SET undone = FALSE")
    assert [(m.subject, m.recorded) for m in found] == [
        (f"{ARENA_SUBJECT}:2", "kind=buzz outcome=wrong team=H15"), (f"{ARENA_SUBJECT}:3", None),
    ]  # fmt: skip


async def test_an_undone_event_deleted_in_the_database_is_named_by_the_board_version(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    found = await tampered(database, "DELETE FROM arena_events WHERE undone = TRUE")
    assert found == [Mismatch(f"{ARENA_SUBJECT}:version", "2", "4", sequence=4)]


async def test_arena_events_removed_with_a_replaced_contest_are_not_missed(
    database: Database, demo_data: ContestData
) -> None:
    await arena_played(database, demo_data)
    async with database.unit_of_work() as uow:
        await uow.contest.remove_all()
        await record(uow, NOW, "cli", AuditAction.CONTEST_REPLACED, "contest")
        await uow.commit()
    async with database.unit_of_work() as uow:
        assert await reconcile(uow) == []
