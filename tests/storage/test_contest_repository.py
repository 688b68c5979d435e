"""Replacing and loading the contest by natural keys, on SQLite and PostgreSQL."""

from dataclasses import replace
from datetime import UTC
from zoneinfo import ZoneInfo

from bot.domain.contest import ContestData
from bot.domain.problems import Sheet
from storage.database import Database


async def _store(database: Database, data: ContestData) -> None:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(data)
        await uow.commit()


async def _load(database: Database) -> ContestData:
    async with database.unit_of_work() as uow:
        loaded = await uow.contest.load()
    assert loaded is not None
    return loaded


async def test_an_empty_database_has_no_contest(database: Database) -> None:
    async with database.unit_of_work() as uow:
        assert await uow.contest.load() is None
        assert await uow.contest.load_contest() is None


async def test_what_is_stored_loads_back_equal(database: Database, demo_data: ContestData) -> None:
    await _store(database, demo_data)
    assert await _load(database) == demo_data


async def test_loaded_times_are_aware_utc(database: Database, demo_data: ContestData) -> None:
    await _store(database, demo_data)
    loaded = await _load(database)
    assert all(slot.starts_at.tzinfo is UTC for slot in loaded.slots)


async def test_storing_again_keeps_ids_and_reports_nothing_changed(
    database: Database, demo_data: ContestData
) -> None:
    await _store(database, demo_data)
    first = await _load(database)
    async with database.unit_of_work() as uow:
        changes = await uow.contest.replace(demo_data)
        await uow.commit()
    second = await _load(database)
    assert [p.id for p in second.people] == [p.id for p in first.people]
    assert [s.id for s in second.slots] == [s.id for s in first.slots]
    assert all(c.added == c.updated == c.removed == 0 for c in changes.values())


async def test_a_changed_row_is_updated_in_place(
    database: Database, demo_data: ContestData
) -> None:
    await _store(database, demo_data)
    before = await _load(database)
    renamed = replace(demo_data.teams[0], name="新队名")
    changed = replace(demo_data, teams=(renamed, *demo_data.teams[1:]))
    async with database.unit_of_work() as uow:
        changes = await uow.contest.replace(changed)
        await uow.commit()
    after = await _load(database)
    assert changes[Sheet.TEAMS].updated == 1
    assert after.teams[0].name == "新队名"
    assert after.teams[0].id == before.teams[0].id


async def test_rows_missing_from_the_new_data_are_removed(
    database: Database, demo_data: ContestData
) -> None:
    await _store(database, demo_data)
    dropped_team = demo_data.teams[-1].code
    smaller = replace(
        demo_data,
        teams=demo_data.teams[:-1],
        people=tuple(p for p in demo_data.people if p.team_code != dropped_team),
        slots=tuple(s for s in demo_data.slots if s.team_code != dropped_team),
    )
    async with database.unit_of_work() as uow:
        changes = await uow.contest.replace(smaller)
        await uow.commit()
    assert changes[Sheet.TEAMS].removed == 1
    assert changes[Sheet.PEOPLE].removed == 4
    assert changes[Sheet.SCHEDULE].removed == 2
    assert await _load(database) == smaller


async def test_a_person_can_move_to_a_new_team_while_the_old_one_is_removed(
    database: Database, demo_data: ContestData
) -> None:
    await _store(database, demo_data)
    old = demo_data.teams[0]
    new_team = replace(old, code="NEW", id=None)
    people = tuple(
        replace(p, team_code="NEW") if p.team_code == old.code else p for p in demo_data.people
    )
    slots = tuple(
        replace(s, team_code="NEW") if s.team_code == old.code else s for s in demo_data.slots
    )
    moved = replace(demo_data, teams=(new_team, *demo_data.teams[1:]), people=people, slots=slots)
    async with database.unit_of_work() as uow:
        await uow.contest.replace(moved)
        await uow.commit()
    loaded = await _load(database)
    # A new row is stored after the existing ones, so compare regardless of order.
    assert set(loaded.teams) == set(moved.teams)
    assert set(loaded.people) == set(moved.people)
    assert set(loaded.slots) == set(moved.slots)


async def test_nothing_is_kept_without_commit(database: Database, demo_data: ContestData) -> None:
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
    async with database.unit_of_work() as uow:
        assert await uow.contest.load() is None


async def test_invite_codes_are_listed_by_person_code(
    database: Database, demo_data: ContestData
) -> None:
    await _store(database, demo_data)
    async with database.unit_of_work() as uow:
        codes = await uow.contest.invite_codes()
    assert codes == {p.code: p.invite_code for p in demo_data.people}


async def test_a_slot_stored_in_another_zone_loads_as_the_same_instant(
    database: Database, demo_data: ContestData
) -> None:
    shanghai = demo_data.slots[0].starts_at.astimezone(ZoneInfo("Asia/Shanghai"))
    moved = replace(demo_data.slots[0], starts_at=shanghai)
    await _store(database, replace(demo_data, slots=(moved, *demo_data.slots[1:])))
    loaded = (await _load(database)).slots[0]
    assert loaded.starts_at == shanghai
    assert loaded.starts_at.tzinfo is UTC


async def test_the_revision_moves_only_when_something_changed(
    database: Database, demo_data: ContestData
) -> None:
    async with database.unit_of_work() as uow:
        assert await uow.contest.revision() is None
    await _store(database, demo_data)
    async with database.unit_of_work() as uow:
        first = await uow.contest.revision()
    await _store(database, demo_data)
    async with database.unit_of_work() as uow:
        assert await uow.contest.revision() == first
    await _store(database, replace(demo_data, contest=replace(demo_data.contest, host="新主办")))
    async with database.unit_of_work() as uow:
        second = await uow.contest.revision()
    assert first is not None
    assert second == first + 1


async def test_a_judges_new_assignment_is_stored_on_the_same_row(
    database: Database, demo_data: ContestData
) -> None:
    await _store(database, demo_data)
    index, judge = next((i, p) for i, p in enumerate(demo_data.people) if p.code == "J1")
    moved = replace(judge, judge_tracks=("window",), judge_rounds=("SC-12345",))
    people = (*demo_data.people[:index], moved, *demo_data.people[index + 1 :])
    async with database.unit_of_work() as uow:
        changes = await uow.contest.replace(replace(demo_data, people=people))
        await uow.commit()
    assert changes[Sheet.PEOPLE].updated == 1
    loaded = next(p for p in (await _load(database)).people if p.code == "J1")
    assert (loaded.judge_tracks, loaded.judge_rounds) == (("window",), ("SC-12345",))
