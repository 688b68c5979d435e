"""Broadcasts: the audience's reachable members get one delivery each, in their language."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.accounts import Account
from bot.domain.audience import Audience, parse_audience
from bot.domain.contest import ContestData
from bot.domain.enums import Locale
from bot.domain.groups import TeamChat
from bot.domain.outbox import Attachment, AttachmentKind, Status
from bot.domain.snapshot import ContestSnapshot
from bot.services.broadcasts import Announcement, cancel, preview, publish, report
from storage.database import Database

NOW = datetime(2024, 9, 26, 1, 0, tzinfo=UTC)


@pytest.fixture
async def contest(database: Database, demo_data: ContestData) -> ContestSnapshot:
    """The demo contest with the leaders of track 12345 (and one judge, in English) joined."""
    async with database.unit_of_work() as uow:
        await uow.contest.replace(demo_data)
        data = await uow.contest.load()
        assert data is not None
        joined = [p for p in data.people if p.code.endswith("-L") and p.code.startswith("H")]
        judge = next(p for p in data.people if p.code == "J1")
        for index, person in enumerate([*joined, judge]):
            assert person.id is not None
            account = Account(5000 + index, 5000 + index, NOW, person_id=person.id)
            if person is judge:
                account = replace(account, locale=Locale.EN)
            await uow.accounts.save(account)
        await uow.commit()
    return ContestSnapshot.build(data, revision=1)


def audience(text: str) -> Audience:
    parsed = parse_audience(text)
    assert parsed is not None
    return parsed


async def test_the_preview_counts_members_and_who_can_be_reached(
    database: Database, contest: ContestSnapshot
) -> None:
    async with database.unit_of_work() as uow:
        leaders = await preview(uow, contest, audience("leaders"), NOW)
        track = await preview(uow, contest, audience("track:window"), NOW)
    assert (leaders.people, leaders.reachable) == (40, 20)
    assert (track.people, track.reachable) == (80, 0)


async def test_publishing_queues_one_delivery_per_reachable_member(
    database: Database, contest: ContestSnapshot
) -> None:
    async with database.unit_of_work() as uow:
        broadcast = await publish(
            uow, NOW, contest, Announcement(audience("leaders:12345"), "请到二楼候场"), None
        )
        await uow.commit()
    async with database.unit_of_work() as uow:
        assert await report(uow, broadcast.id) == {
            "sent": 0, "pending": 20, "blocked": 0, "failed": 0, "cancelled": 0
        }  # fmt: skip
        stored = await uow.broadcasts.get(broadcast.id)
    assert stored is not None
    assert (stored.audience_size, stored.recipients) == (20, 20)


async def test_an_english_reader_gets_the_english_text(
    database: Database, contest: ContestSnapshot
) -> None:
    announcement = Announcement(audience("judges"), "评委请到三楼", "Judges to floor 3, please")
    async with database.unit_of_work() as uow:
        await publish(uow, NOW, contest, announcement, None)
        await uow.commit()
    async with database.unit_of_work() as uow:
        due = await uow.outbox.claim_due(NOW, 10)
    assert [d.text for d in due] == ["Judges to floor 3, please"]


async def test_a_scheduled_broadcast_waits_and_can_be_cancelled(
    database: Database, contest: ContestSnapshot
) -> None:
    later = Announcement(audience("leaders"), "稍后通知", send_at=NOW + timedelta(hours=1))
    async with database.unit_of_work() as uow:
        broadcast = await publish(uow, NOW, contest, later, None)
        await uow.commit()
    async with database.unit_of_work() as uow:
        assert await uow.outbox.claim_due(NOW, 100) == []
        assert await cancel(uow, broadcast.id) == 20
        await uow.commit()
    async with database.unit_of_work() as uow:
        assert dict(await uow.outbox.report(broadcast.dedup_key)) == {Status.CANCELLED: 20}
        stored = await uow.broadcasts.get(broadcast.id)
    assert stored is not None
    assert stored.cancelled


async def test_confirming_the_same_draft_twice_publishes_once(
    database: Database, contest: ContestSnapshot
) -> None:
    announcement = Announcement(audience("leaders"), "请到二楼候场", origin="4242:17")
    for _ in range(2):
        async with database.unit_of_work() as uow:
            first = await publish(uow, NOW, contest, announcement, None)
            await uow.commit()
    async with database.unit_of_work() as uow:
        assert [b.id for b in await uow.broadcasts.latest(10)] == [first.id]
        assert dict(await uow.outbox.report(first.dedup_key)) == {Status.PENDING: 20}


async def test_leaders_not_checked_in_today_are_reached_and_the_checked_in_are_not(
    database: Database, contest: ContestSnapshot
) -> None:
    h01 = next(p for p in contest.data.people if p.code == "H01-L")
    assert h01.id is not None
    async with database.unit_of_work() as uow:
        await uow.check_ins.check_in(h01.id, NOW.astimezone(contest.zone).date(), NOW)
        absent = await preview(uow, contest, audience("not_checked_in:12345"), NOW)
    assert (absent.people, absent.reachable) == (79, 19)


async def test_followers_of_a_track_are_reached_whether_or_not_they_joined_by_code(
    database: Database, contest: ContestSnapshot
) -> None:
    async with database.unit_of_work() as uow:
        stranger = await uow.accounts.save(Account(9001, 9001, NOW, locale=Locale.EN))
        leader = await uow.accounts.by_telegram_id(5000)
        assert stranger.id is not None
        assert leader is not None
        assert leader.id is not None
        for account_id in (stranger.id, leader.id):
            await uow.follows.follow(account_id, "12345", NOW)
        await publish(
            uow, NOW, contest, Announcement(audience("followers:12345"), "排名", "Standings"), None
        )
        await uow.commit()
    async with database.unit_of_work() as uow:
        due = await uow.outbox.claim_due(NOW, 10)
    assert sorted((d.chat_id, d.text) for d in due) == [(5000, "排名"), (9001, "Standings")]


async def test_pinning_also_posts_to_the_audiences_team_groups_with_a_pin(
    database: Database, contest: ContestSnapshot
) -> None:
    async with database.unit_of_work() as uow:
        await uow.team_chats.link(TeamChat(-100101, "H01", "一队群"), None, NOW)
        await uow.team_chats.link(TeamChat(-100201, "W01", "窗口一队"), None, NOW)
        counted = await preview(uow, contest, audience("track:12345"), NOW)
        announcement = Announcement(audience("track:12345"), "请到二楼候场", pin=True)
        await publish(uow, NOW, contest, announcement, None)
        await uow.commit()
    async with database.unit_of_work() as uow:
        due = await uow.outbox.claim_due(NOW, 100)
    assert counted.team_chats == 1
    assert [(d.chat_id, d.pin) for d in due if d.chat_id < 0] == [(-100101, True)]
    assert not any(d.pin for d in due if d.chat_id > 0)


async def test_without_pinning_team_groups_get_nothing(
    database: Database, contest: ContestSnapshot
) -> None:
    async with database.unit_of_work() as uow:
        await uow.team_chats.link(TeamChat(-100101, "H01", "一队群"), None, NOW)
        await publish(uow, NOW, contest, Announcement(audience("teams:H01"), "通知"), None)
        await uow.commit()
    async with database.unit_of_work() as uow:
        due = await uow.outbox.claim_due(NOW, 100)
    assert [d.chat_id for d in due] == [5000]


async def test_an_attachment_travels_with_every_delivery_and_the_broadcast(
    database: Database, contest: ContestSnapshot
) -> None:
    photo = Attachment(AttachmentKind.PHOTO, "AgACAgUAAxkBAAI")
    announcement = Announcement(audience("judges"), "评分表", "Score sheet", attachment=photo)
    async with database.unit_of_work() as uow:
        broadcast = await publish(uow, NOW, contest, announcement, None)
        await uow.commit()
    async with database.unit_of_work() as uow:
        due = await uow.outbox.claim_due(NOW, 10)
        stored = await uow.broadcasts.get(broadcast.id)
    assert [(d.attachment, d.text) for d in due] == [(photo, "Score sheet")]
    assert stored is not None
    assert stored.attachment == photo
