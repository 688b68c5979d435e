"""After a re-import, each person hears once about everything that changed in their programme."""

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.domain.accounts import Account
from bot.domain.contest import ContestData, Slot
from bot.domain.draft import ContestDraft, Located
from bot.domain.enums import Locale
from bot.domain.problems import N_, Problem
from bot.domain.schedule_changes import ProgrammeNotice, notices_by_team, team_changes
from bot.domain.snapshot import ContestSnapshot
from bot.domain.telegram_text import TEXT_LIMIT
from bot.services.contest_import import ImportResult, import_contest
from bot.services.schedule_notices import notify_changes
from bot.texts.programme_changes import SHOWN_CHANGES, notice_text
from bot.texts.texts import Texts
from bot.views import BotViews
from storage.database import Database
from storage.models import DeliveryRow
from tests.fakes.clock import FakeClock

Parsed = tuple[ContestDraft, list[Problem]]

NOW = datetime(2024, 9, 25, 1, 0, tzinfo=UTC)
# H11 has the last showcase turn of the 12345 track, 16:02 in Shanghai: nothing follows it in
# the hall, so moving it by half an hour is still a valid contest.
TEAM, ROUND = "H11", "SC-12345"
CHATS = {"H11-1": 6001, "H11-L": 6002, "H07-1": 6003}  # two of H11, one of another team


def moved(draft: ContestDraft, by: timedelta = timedelta(minutes=30)) -> ContestDraft:
    """The same contest with H11's showcase turn `by` later."""

    def shift(entry: Located[Slot]) -> Located[Slot]:
        slot = entry.item
        if (slot.team_code, slot.round_code) != (TEAM, ROUND):
            return entry
        return Located(replace(slot, starts_at=slot.starts_at + by), entry.row)

    return replace(draft, slots=[shift(entry) for entry in draft.slots])


async def load(
    database: Database, parsed: Parsed, *, dry_run: bool = False, replace_loaded: bool = False
) -> ImportResult:
    draft, problems = parsed
    result = await import_contest(
        database.unit_of_work,
        draft,
        problems,
        clock=FakeClock(NOW),
        dry_run=dry_run,
        replace_loaded=replace_loaded,
        views=BotViews(),
    )
    assert result.problems == []
    return result


async def bind(database: Database, locales: dict[str, Locale] | None = None) -> None:
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
        assert data is not None
        people = {p.code: p for p in data.people}
        for code, chat in CHATS.items():
            locale = (locales or {}).get(code)
            await uow.accounts.save(Account(chat, chat, NOW, people[code].id, locale))
        await uow.commit()


async def notices(database: Database) -> list[tuple[int, str]]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            select(DeliveryRow.chat_id, DeliveryRow.text).order_by(DeliveryRow.chat_id)
        )
        return [(chat, body) for chat, body in rows]


@pytest.fixture
async def joined(database: Database, demo_parsed: Parsed) -> Database:
    """The demo contest imported, with two members of H11 and one of H07 joined."""
    await load(database, demo_parsed)
    await bind(database)
    return database


async def test_moving_one_teams_turn_tells_each_joined_member_of_that_team_and_no_one_else(
    joined: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    result = await load(joined, (moved(draft), problems))
    assert result.notices == 2
    assert [chat for chat, _ in await notices(joined)] == [CHATS["H11-1"], CHATS["H11-L"]]


async def test_the_notice_gives_the_old_time_and_the_new_one(
    joined: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    await load(joined, (moved(draft), problems))
    for _, body in await notices(joined):
        assert "风采展示（12345赛道）" in body
        assert re.search(r"16:02.*→.*16:32", body), body


async def test_each_member_reads_the_notice_in_their_own_language(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    await load(database, demo_parsed)
    await bind(database, {"H11-1": Locale.EN})
    await load(database, (moved(draft), problems))
    bodies = dict(await notices(database))
    assert bodies[CHATS["H11-1"]].startswith("📅 Programme change for Showcase (12345 track)")
    assert "日程变更" in bodies[CHATS["H11-L"]]


async def test_importing_the_same_data_again_queues_nothing_new(
    joined: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    await load(joined, (moved(draft), problems))
    before = await notices(joined)
    again = await load(joined, (moved(draft), problems))
    assert again.notices == 0
    assert await notices(joined) == before


async def test_the_first_import_of_a_contest_queues_nothing(
    database: Database, demo_parsed: Parsed
) -> None:
    result = await load(database, demo_parsed)
    assert result.notices == 0
    assert await notices(database) == []


async def test_a_contest_without_a_previous_version_tells_nobody_even_when_members_joined(
    joined: Database,
) -> None:
    async with joined.unit_of_work() as uow:
        data = await uow.contest.load()
        assert data is not None
        assert await notify_changes(uow, None, data, NOW, BotViews()) == 0
        await uow.commit()
    assert await notices(joined) == []


async def test_a_dry_run_queues_nothing(joined: Database, demo_parsed: Parsed) -> None:
    draft, problems = demo_parsed
    await load(joined, (moved(draft), problems), dry_run=True)
    assert await notices(joined) == []


# One notice per person per change of the contest, however much it changed.


def whole_programme_moved(draft: ContestDraft, by: timedelta = timedelta(days=1)) -> ContestDraft:
    return replace(
        draft,
        slots=[
            Located(replace(e.item, starts_at=e.item.starts_at + by), e.row) for e in draft.slots
        ],
    )


async def bind_everyone(database: Database) -> int:
    """Every person of the contest joined; returns how many belong to a team."""
    async with database.unit_of_work() as uow:
        data = await uow.contest.load()
        assert data is not None
        for number, person in enumerate(data.people, start=10_000):
            await uow.accounts.save(Account(number, number, NOW, person.id, None))
        await uow.commit()
    return sum(1 for person in data.people if person.team_code)


async def test_shifting_the_whole_programme_by_a_day_tells_each_person_once(
    database: Database, demo_parsed: Parsed
) -> None:
    draft, problems = demo_parsed
    await load(database, demo_parsed)
    in_teams = await bind_everyone(database)
    result = await load(database, (whole_programme_moved(draft), problems))
    chats = [chat for chat, _ in await notices(database)]
    assert result.notices == in_teams == len(chats) == len(set(chats))


async def test_the_one_notice_lists_every_change_of_the_persons_programme(
    joined: Database, demo_parsed: Parsed, demo_data: ContestData
) -> None:
    draft, problems = demo_parsed
    await load(joined, (whole_programme_moved(draft), problems))
    moved = replace(
        demo_data, slots=tuple(replace(s, starts_at=s.starts_at + timedelta(days=1))
                               for s in demo_data.slots),
    )  # fmt: skip
    expected = notices_by_team(team_changes(demo_data, moved))["H11"]
    t = Texts(Locale.ZH_HANS, ZoneInfo("Asia/Shanghai"))
    header = t(N_("📅 {count} changes in your programme:"), count=len(expected.changes))
    for chat, body in await notices(joined):
        if chat in (CHATS["H11-1"], CHATS["H11-L"]):
            assert body.splitlines()[0] == header
            assert len(body.splitlines()) == 1 + len(expected.changes)


def many_changes(data: ContestData, count: int) -> ProgrammeNotice:
    change = team_changes(data, replace(data, slots=data.slots[1:]))[0]
    return ProgrammeNotice(tuple(replace(change, round_code=f"R{n}") for n in range(count)))


@pytest.mark.parametrize("locale", list(Locale))
def test_a_long_list_shows_the_first_changes_and_how_many_more(
    demo_data: ContestData, locale: Locale
) -> None:
    t = Texts(locale, ZoneInfo("Asia/Shanghai"))
    notice = many_changes(demo_data, SHOWN_CHANGES + 5)
    lines = notice_text(t, ContestSnapshot.build(demo_data, 0), notice).splitlines()
    assert len(lines) == 1 + SHOWN_CHANGES + 1
    assert lines[-1] == t(N_("… and {count} more"), count=5)


@pytest.mark.parametrize("count", [SHOWN_CHANGES, 500])
def test_any_notice_fits_in_one_telegram_message(demo_data: ContestData, count: int) -> None:
    t = Texts(Locale.EN, ZoneInfo("Asia/Shanghai"))
    notice = many_changes(demo_data, count)
    rounds = tuple(
        replace(demo_data.rounds[0], code=f"R{n}", name="长" * 400, name_en="long " * 80)
        for n in range(count)
    )
    snapshot = ContestSnapshot.build(replace(demo_data, rounds=(*demo_data.rounds, *rounds)), 0)
    text = notice_text(t, snapshot, notice)
    assert len(text) <= TEXT_LIMIT
    assert text.splitlines()[-1] == t(
        N_("… and {count} more"), count=count - len(text.splitlines()) + 2
    )
