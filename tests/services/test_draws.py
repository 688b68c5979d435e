"""The running-order draw: the commitment first, then the seed and the order, then anyone checks."""

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import JSON, bindparam, select, text

from bot.domain.contest import ContestData
from bot.domain.draw import Draw, DrawCheck, DrawOutcome, draw_order
from bot.domain.snapshot import ContestSnapshot
from bot.services.draws import DrawError, commit_draw, reveal_draw, verify_draw
from bot.views import BotViews
from storage.database import Database
from storage.models import DeliveryRow
from tests.conftest import stored

ROUND = "SC-12345"  # the showcase of the 12345 track: one turn for each of its 20 teams
TRACK_TEAMS = tuple(f"H{n:02d}" for n in range(1, 21))
NOW = datetime(2024, 9, 25, 2, 0, tzinfo=UTC)  # the leaders' meeting, where the draw is held
# Every leader of the track drawn, a leader of the other track, and one of each overseer.
JOINED = [*(f"{team}-L" for team in TRACK_TEAMS), "W01-L", "ORG1", "J1", "AUD1"]
CHATS = {code: 5000 + index for index, code in enumerate(JOINED)}
TOLD_OF_THE_DRAW = sorted(chat for code, chat in CHATS.items() if code != "W01-L")

Queued = tuple[str, int, str]  # dedup key, chat, text


@pytest.fixture
async def contest(database: Database, demo_data: ContestData) -> ContestSnapshot:
    return await stored(database, demo_data, CHATS)


async def fresh(database: Database) -> ContestSnapshot:
    """The contest as the bot's cache has it once invalidated."""
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return ContestSnapshot.build(data, revision=2)


async def commit(database: Database, snapshot: ContestSnapshot, round_code: str = ROUND) -> Draw:
    async with database.unit_of_work() as uow:
        draw = await commit_draw(uow, snapshot, round_code, None, NOW, BotViews())
        await uow.commit()
    return draw


async def reveal(
    database: Database, snapshot: ContestSnapshot, now: datetime = NOW + timedelta(minutes=5)
) -> Draw:
    async with database.unit_of_work() as uow:
        draw = await reveal_draw(uow, snapshot, ROUND, now, BotViews())
        await uow.commit()
    return draw


async def queued(database: Database, prefix: str = "") -> list[Queued]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            select(DeliveryRow.dedup_key, DeliveryRow.chat_id, DeliveryRow.text)
            .where(DeliveryRow.dedup_key.startswith(prefix))
            .order_by(DeliveryRow.id)
        )
        return [(key, chat, body) for key, chat, body in rows]


async def turns(database: Database) -> list[tuple[int, datetime, str | None]]:
    """The round's team turns as stored: position, start and team."""
    snapshot = await fresh(database)
    return sorted(
        (s.position, s.starts_at, s.team_code)
        for s in snapshot.data.slots
        if s.round_code == ROUND and s.team_code
    )


async def edit(database: Database, draw: Draw, sql: str, **values: object) -> None:
    statement = text(f"UPDATE draws SET {sql} WHERE id = :id")
    if "order" in values:
        statement = statement.bindparams(bindparam("order", type_=JSON))
    async with database.engine.begin() as connection:
        await connection.execute(statement, {"id": draw.id, **values})


async def withdraw(database: Database, data: ContestData, team: str) -> None:
    """A re-import in which the team no longer has a turn in the round."""
    slots = tuple(s for s in data.slots if (s.round_code, s.team_code) != (ROUND, team))
    async with database.unit_of_work() as uow:
        await uow.contest.replace(replace(data, slots=slots))
        await uow.commit()


async def verified(database: Database) -> tuple[Draw, DrawCheck]:
    async with database.unit_of_work() as uow:
        return await verify_draw(uow, ROUND)


# Committing


async def test_the_commitment_is_the_sha256_of_a_secret_seed_for_the_rounds_teams(
    database: Database, contest: ContestSnapshot
) -> None:
    draw = await commit(database, contest)
    assert draw.commitment == hashlib.sha256(draw.seed.encode("utf-8")).hexdigest()
    assert draw.teams == TRACK_TEAMS
    assert draw.order is None


async def test_committing_publishes_the_commitment_to_the_drawn_teams_and_the_overseers(
    database: Database, contest: ContestSnapshot
) -> None:
    draw = await commit(database, contest)
    published = await queued(database, f"draw:{draw.id}:commitment")
    assert sorted(chat for _, chat, _ in published) == TOLD_OF_THE_DRAW
    assert all(draw.commitment in body for _, _, body in published)


async def test_committing_reveals_the_seed_in_no_message(
    database: Database, contest: ContestSnapshot
) -> None:
    draw = await commit(database, contest)
    everything = await queued(database)
    assert everything
    assert not [body for _, _, body in everything if draw.seed in body]


async def test_committing_again_before_the_reveal_returns_the_same_draw(
    database: Database, contest: ContestSnapshot
) -> None:
    first = await commit(database, contest)
    again = await commit(database, contest)
    assert (again.id, again.commitment, again.seed) == (first.id, first.commitment, first.seed)


async def test_a_round_without_team_turns_cannot_be_drawn(
    database: Database, contest: ContestSnapshot
) -> None:
    with pytest.raises(DrawError) as refused:
        await commit(database, contest, "TH-12345")
    assert refused.value.params == {"round": "TH-12345"}
    async with database.unit_of_work() as uow:
        assert await uow.draws.latest("TH-12345") is None


# Revealing


async def test_revealing_gives_the_rounds_turns_to_the_teams_in_the_drawn_order(
    database: Database, contest: ContestSnapshot
) -> None:
    draw = await commit(database, contest)
    revealed = await reveal(database, contest)
    drawn = draw_order(draw.seed, draw.teams)
    assert revealed.order == tuple(drawn)
    assert [team for _, _, team in await turns(database)] == drawn


async def test_revealing_keeps_the_time_of_each_turn(
    database: Database, contest: ContestSnapshot
) -> None:
    before = [(position, start) for position, start, _ in await turns(database)]
    await commit(database, contest)
    await reveal(database, contest)
    assert [(position, start) for position, start, _ in await turns(database)] == before


async def test_revealing_publishes_the_seed_and_the_order(
    database: Database, contest: ContestSnapshot
) -> None:
    await commit(database, contest)
    revealed = await reveal(database, contest)
    assert revealed.order is not None
    published = await queued(database, f"draw:{revealed.id}:reveal")
    assert sorted(chat for _, chat, _ in published) == TOLD_OF_THE_DRAW
    for _, _, body in published:
        assert revealed.seed in body
        places = [body.index(f"\n{n}. {team} ") for n, team in enumerate(revealed.order, 1)]
        assert places == sorted(places)


async def test_revealing_tells_each_team_whose_turn_moved_and_no_other(
    database: Database, contest: ContestSnapshot
) -> None:
    before = {team: position for position, _, team in await turns(database)}
    await commit(database, contest)
    await reveal(database, contest)
    after = {team: position for position, _, team in await turns(database)}
    moved = {team for team in TRACK_TEAMS if before[team] != after[team]}
    assert moved  # twenty teams all keeping their turn: one chance in 20!
    notices = await queued(database, "change:")
    assert sorted(chat for _, chat, _ in notices) == sorted(CHATS[f"{t}-L"] for t in moved)
    keys = {chat: key for key, chat, _ in notices}
    assert all(keys[CHATS[f"{t}-L"]].startswith(f"change:{t}:{ROUND}:") for t in moved)


async def test_revealing_twice_changes_nothing_the_second_time(
    database: Database, contest: ContestSnapshot
) -> None:
    await commit(database, contest)
    first = await reveal(database, contest)
    contest_before, outbox_before = (await fresh(database)).data, await queued(database)
    again = await reveal(database, await fresh(database), NOW + timedelta(hours=1))
    assert again == first
    assert (await fresh(database)).data == contest_before
    assert await queued(database) == outbox_before


async def test_revealing_before_any_commitment_is_refused(
    database: Database, contest: ContestSnapshot
) -> None:
    with pytest.raises(DrawError) as refused:
        await reveal(database, contest)
    assert refused.value.params == {"round": ROUND}
    assert await queued(database) == []


async def test_revealing_after_the_rounds_teams_changed_is_refused_with_a_draw_error(
    database: Database, contest: ContestSnapshot
) -> None:
    await commit(database, contest)
    await withdraw(database, contest.data, "H11")
    before = await turns(database)
    with pytest.raises(DrawError) as refused:
        await reveal(database, await fresh(database))
    assert refused.value.params == {"round": ROUND}
    assert await turns(database) == before


async def test_committing_after_the_rounds_teams_changed_makes_a_new_draw_for_the_new_teams(
    database: Database, contest: ContestSnapshot
) -> None:
    stale = await commit(database, contest)
    await withdraw(database, contest.data, "H11")
    again = await commit(database, await fresh(database))
    assert again.id != stale.id
    assert "H11" not in again.teams


# Verifying


async def test_a_revealed_draw_verifies(database: Database, contest: ContestSnapshot) -> None:
    await commit(database, contest)
    revealed = await reveal(database, contest)
    draw, check = await verified(database)
    assert draw == revealed
    assert check.outcome is DrawOutcome.OK


async def test_a_seed_edited_in_the_database_no_longer_matches_the_commitment(
    database: Database, contest: ContestSnapshot
) -> None:
    await commit(database, contest)
    revealed = await reveal(database, contest)
    await edit(database, revealed, "seed = :seed", seed="0" * 64)
    _, check = await verified(database)
    assert check.outcome is DrawOutcome.SEED_MISMATCH


async def test_an_order_edited_in_the_database_is_caught_at_the_first_changed_position(
    database: Database, contest: ContestSnapshot
) -> None:
    await commit(database, contest)
    revealed = await reveal(database, contest)
    assert revealed.order is not None
    order = list(revealed.order)
    order[2], order[3] = order[3], order[2]
    await edit(database, revealed, '"order" = :order', order=order)
    _, check = await verified(database)
    assert check.outcome is DrawOutcome.ORDER_MISMATCH
    assert check.position == 3
    assert check.expected == revealed.order


async def test_a_draw_not_yet_revealed_cannot_be_verified(
    database: Database, contest: ContestSnapshot
) -> None:
    await commit(database, contest)
    with pytest.raises(DrawError):
        await verified(database)
