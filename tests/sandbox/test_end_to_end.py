"""The sandbox end to end over HTTP: a contestant joins, asks, presses a button."""

import logging

import pytest

from tests.sandbox.conftest import RunningSandbox


async def test_a_contestant_joins_asks_for_the_next_turn_and_turns_a_page(
    sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    alice = sandbox.user_id("H07-1")
    person = sandbox.people["H07-1"]
    await sandbox.post("/api/send", {"user_id": alice, "text": f"/start {person.invite_code}"})
    await sandbox.bot_says(alice, f"欢迎，{person.name}")
    await sandbox.post("/api/send", {"user_id": alice, "text": "/next"})
    turn = await sandbox.bot_says(alice, "风采展示（12345赛道）")
    assert "前面还有 6 支队伍" in turn["text"]
    await sandbox.post("/api/send", {"user_id": alice, "text": "/schedule"})
    page = await sandbox.bot_says(alice, "9月26日周四 日程")
    button = page["reply_markup"]["inline_keyboard"][0][-1]
    await sandbox.post(
        "/api/press",
        {"user_id": alice, "message_id": page["message_id"], "data": button["callback_data"]},
    )
    edited = await sandbox.bot_says(alice, "9月27日周五 日程")
    assert edited["message_id"] == page["message_id"]
    assert edited["edited"] is True
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == []


async def test_the_people_list_covers_every_role_and_a_follower(sandbox: RunningSandbox) -> None:
    async with sandbox.http.get(sandbox.url + "api/people") as response:
        body = await response.json()
    roles = {person["role"] for person in body["people"]}
    assert roles == {"contestant", "leader", "organizer", "judge", "auditor", "follower"}
    assert len(body["people"]) == 172 + 1
    assert body["contest"]["name"].startswith("2024年")


async def test_the_bot_set_its_menus_on_the_fake_api(sandbox: RunningSandbox) -> None:
    alice = sandbox.user_id("H07-1")
    await sandbox.post("/api/send", {"user_id": alice, "text": "/help"})
    await sandbox.bot_says(alice, "我能为你做什么")
    assert ('{"type": "default"}', "en") in sandbox.sandbox.state.commands


async def test_a_follower_without_code_is_asked_for_one(sandbox: RunningSandbox) -> None:
    await sandbox.post("/api/send", {"user_id": 99_999, "text": "/start"})
    await sandbox.bot_says(99_999, "邀请码")


async def test_an_unknown_person_cannot_chat(sandbox: RunningSandbox) -> None:
    async with sandbox.http.post(
        sandbox.url + "api/send", json={"user_id": 5, "text": "hi"}
    ) as response:
        assert response.status == 404


async def test_an_announcement_reaches_a_joined_contestant_through_the_outbox(
    sandbox: RunningSandbox,
) -> None:
    from bot.domain.audience import Audience, AudienceKind
    from bot.services.broadcasts import Announcement, publish

    alice = sandbox.user_id("H07-1")
    person = sandbox.people["H07-1"]
    await sandbox.post("/api/send", {"user_id": alice, "text": f"/start {person.invite_code}"})
    await sandbox.bot_says(alice, f"欢迎，{person.name}")
    running = sandbox.sandbox
    assert running.database is not None
    context_clock = running.clock
    assert context_clock is not None
    async with running.database.unit_of_work() as uow:
        assert running.contests is not None
        snapshot = await running.contests.get(uow)
        assert snapshot is not None
        announcement = Announcement(Audience(AudienceKind.TRACK, "12345"), "下午擂台赛推迟30分钟")
        await publish(uow, context_clock.now(), snapshot, announcement, None)
        await uow.commit()
    await sandbox.bot_says(alice, "下午擂台赛推迟30分钟")
