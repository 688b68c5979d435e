""" "Got it" under a reminder; without it, the leader and then the organizers are alerted."""

import asyncio
from datetime import datetime, timedelta
from typing import Any, cast

from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    SendMessage,
    TelegramMethod,
)

from bot.domain.enums import Locale
from bot.domain.outbox import Delivery, Status
from bot.domain.problems import N_
from bot.domain.reminders import ReminderKind
from bot.services.rate_limit import Pacer
from bot.services.sender import Sender
from bot.telegram.transport import BotTransport
from bot.texts.reminders import CONFIRMED, KIND_NAMES
from bot.texts.texts import Texts
from tests.handlers.broadcasting import button, database, is_alert
from tests.handlers.conftest import CONTESTANT, ORGANIZER, SHANGHAI, Telegram

ARENA = datetime(2024, 9, 27, 8, 25, tzinfo=SHANGHAI)
H13_MEMBER, H13_LEADER = 5001, 5002  # team H13 has turn 2 of AR-12345
H13_NEXT = "turn:AR-12345:2:H13:next"


async def next_reminder(joined: Telegram) -> list[Delivery]:
    """Turn 1 goes on stage: turn 2 (H13) is told it is next."""
    await joined.join(H13_MEMBER, "H13-1")
    await joined.join(H13_LEADER, "H13-L")
    joined.clock.moment = ARENA
    board = await joined.send(ORGANIZER, "/live AR-12345")
    await joined.press(ORGANIZER, button(board, "▶ H14"))
    return await deliveries(joined)


async def deliveries(joined: Telegram) -> list[Delivery]:
    await joined.dispatcher["app"].reminders.tick()
    async with database(joined).unit_of_work() as uow:
        due = await uow.outbox.claim_due(joined.clock.now(), 100)
        await uow.commit()
    return due


async def test_the_next_reminder_carries_a_got_it_button(joined: Telegram) -> None:
    due = await next_reminder(joined)
    assert {d.chat_id: d.buttons[0][0][0] for d in due} == {H13_MEMBER: "收到", H13_LEADER: "收到"}


async def test_one_member_answers_for_the_team_and_a_second_tap_is_thanked(
    joined: Telegram,
) -> None:
    data = (await next_reminder(joined))[0].buttons[0][0][1]
    first = await joined.press(H13_MEMBER, data)
    again = await joined.press(H13_LEADER, data)
    assert isinstance(first[0], AnswerCallbackQuery)
    assert first[0].text == "谢谢，已确认。"
    assert again[0].text == "队友已经确认过了，谢谢。"  # type: ignore[attr-defined]


async def test_someone_outside_the_team_cannot_acknowledge(joined: Telegram) -> None:
    data = (await next_reminder(joined))[0].buttons[0][0][1]
    assert is_alert(await joined.press(CONTESTANT, data))
    assert is_alert(await joined.press(ORGANIZER, "ack:999999"))


async def test_without_an_answer_the_leader_then_the_organizers_are_alerted(
    joined: Telegram,
) -> None:
    await next_reminder(joined)
    joined.clock.moment += timedelta(minutes=3)
    to_leader = await deliveries(joined)
    joined.clock.moment += timedelta(minutes=3)
    to_organizers = await deliveries(joined)
    h13 = "turn:AR-12345:2:H13:next"
    assert [d.chat_id for d in to_leader if d.dedup_key == f"{h13}:escalation1"] == [H13_LEADER]
    assert [d.chat_id for d in to_organizers if d.dedup_key == f"{h13}:escalation2"] == [ORGANIZER]


async def test_an_answer_stops_the_escalation(joined: Telegram) -> None:
    data = (await next_reminder(joined))[0].buttons[0][0][1]
    await joined.press(H13_MEMBER, data)
    joined.clock.moment += timedelta(minutes=10)
    assert not [d for d in await deliveries(joined) if "escalation" in d.dedup_key]


# The copies as Telegram has them: the real sender posts them through the recording session.
ZH = Texts(Locale.ZH_HANS, SHANGHAI)


async def send_everything(joined: Telegram) -> list[TelegramMethod[Any]]:
    """Due reminders and escalations queued, then the real sender drains the outbox."""
    await joined.dispatcher["app"].reminders.tick()
    before = len(joined.session.calls)
    pacer = Pacer(rate=1000, per_chat_interval=0, per_group_interval=0)
    sender = Sender(
        database(joined).unit_of_work, BotTransport(joined.bot), joined.clock, pacer=pacer
    )
    await sender.run(asyncio.Event(), until_idle=True)
    return joined.session.calls[before:]


def posted(calls: list[TelegramMethod[Any]], chat_id: int) -> list[SendMessage]:
    return [c for c in calls if isinstance(c, SendMessage) and c.chat_id == chat_id]


def edits(calls: list[TelegramMethod[Any]]) -> list[EditMessageText]:
    return [c for c in calls if isinstance(c, EditMessageText)]


async def sent_next(joined: Telegram) -> dict[int, tuple[int, str]]:
    """Turn 1 on stage; H13's members got "you are next": per chat, its message id and data."""
    await joined.join(H13_MEMBER, "H13-1")
    await joined.join(H13_LEADER, "H13-L")
    joined.clock.moment = ARENA
    board = await joined.send(ORGANIZER, "/live AR-12345")
    await joined.press(ORGANIZER, button(board, "▶ H14"))
    await send_everything(joined)
    async with database(joined).unit_of_work() as uow:
        copies = await uow.outbox.copies([H13_NEXT])
    return {c.chat_id: (c.message_id or 0, c.buttons[0][0][1]) for c in copies}


def confirmed(name: str, clock: str) -> str:
    return ZH(CONFIRMED, name=name, time=clock)


async def test_the_pressed_message_says_who_confirmed_and_loses_its_keyboard(
    joined: Telegram,
) -> None:
    data = (await next_reminder(joined))[0].buttons[0][0][1]
    calls = await joined.press(H13_MEMBER, data)
    (edit,) = edits(calls)
    assert (edit.chat_id, edit.message_id) == (H13_MEMBER, 999)
    assert edit.text is not None
    assert edit.text.endswith(confirmed(joined.people["H13-1"].name, "08:25"))
    assert edit.text.startswith("下一个就是你们")  # the reminder it was
    assert edit.reply_markup is None


async def test_teammates_copies_are_edited_to_say_who_confirmed(joined: Telegram) -> None:
    copies = await sent_next(joined)
    member_message, data = copies[H13_MEMBER]
    await joined.press(H13_MEMBER, data, message_id=member_message)
    (edit,) = edits(await send_everything(joined))
    assert (edit.chat_id, edit.message_id) == (H13_LEADER, copies[H13_LEADER][0])
    assert edit.text is not None
    assert edit.text.endswith(confirmed(joined.people["H13-1"].name, "08:25"))
    assert edit.reply_markup is None


async def test_a_double_tap_edits_the_copies_once(joined: Telegram) -> None:
    copies = await sent_next(joined)
    member_message, data = copies[H13_MEMBER]
    await joined.press(H13_MEMBER, data, message_id=member_message)
    await joined.press(H13_MEMBER, data, message_id=member_message)
    await joined.press(H13_LEADER, data, message_id=copies[H13_LEADER][0])
    assert [e.chat_id for e in edits(await send_everything(joined))] == [H13_LEADER]


async def test_a_copy_not_sent_yet_goes_out_already_confirmed(joined: Telegram) -> None:
    data = (await next_reminder(joined))[0].buttons[0][0][1]
    async with database(joined).unit_of_work() as uow:  # the claim above never went out
        await uow.outbox.recover(joined.clock.now() + timedelta(minutes=5), timedelta(0))
        await uow.commit()
    await joined.press(H13_MEMBER, data)
    calls = await send_everything(joined)
    (copy,) = posted(calls, H13_LEADER)
    assert copy.text.endswith(confirmed(joined.people["H13-1"].name, "08:25"))
    assert copy.reply_markup is None
    assert not edits(calls)


async def test_escalations_name_the_members_who_have_not_confirmed(joined: Telegram) -> None:
    await sent_next(joined)
    joined.clock.moment += timedelta(minutes=3)
    (alert,) = posted(await send_everything(joined), H13_LEADER)
    joined_ = [joined.people[code].name for code in ("H13-1", "H13-L")]
    absent = [
        ZH(N_("{name} (has not joined the bot)"), name=joined.people[code].name)
        for code in ("H13-2", "H13-3")
    ]
    members = ZH(N_(", ")).join([joined_[0], *absent, joined_[1]])
    assert alert.text.endswith(ZH(N_("Not confirmed by anyone yet: {members}."), members=members))


async def test_a_late_answer_tells_those_alerted_once_each(joined: Telegram) -> None:
    copies = await sent_next(joined)
    for _ in range(2):  # the leader at 3 minutes, the organizers at 6
        joined.clock.moment += timedelta(minutes=3)
        await send_everything(joined)
    member_message, data = copies[H13_MEMBER]
    await joined.press(H13_MEMBER, data, message_id=member_message)
    await joined.press(H13_LEADER, data, message_id=copies[H13_LEADER][0])
    calls = await send_everything(joined)
    notice = ZH(
        N_("✅ Team {team} has now confirmed “{reminder}”: {name}, {time}."),
        team=await team_name(joined, "H13"),
        reminder=ZH(KIND_NAMES[ReminderKind.NEXT]),
        name=joined.people["H13-1"].name,
        time="08:31",
    )
    assert [m.text for m in posted(calls, H13_LEADER)] == [notice]
    assert [m.text for m in posted(calls, ORGANIZER)] == [notice]


async def test_checking_in_answers_for_the_turn(joined: Telegram) -> None:
    copies = await sent_next(joined)
    await joined.send(H13_MEMBER, "/checkin")
    (edit,) = [e for e in edits(await send_everything(joined)) if e.chat_id == H13_LEADER]
    assert edit.message_id == copies[H13_LEADER][0]
    joined.clock.moment += timedelta(minutes=10)
    assert not [m for m in posted(await send_everything(joined), H13_LEADER) if "确认" in m.text]


async def team_name(joined: Telegram, code: str) -> str:
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return next(team.name for team in data.teams if team.code == code)


async def test_a_reminder_still_queued_when_the_team_is_called_is_withdrawn(
    joined: Telegram,
) -> None:
    await joined.join(H13_MEMBER, "H13-1")
    joined.clock.moment = ARENA
    board = await joined.send(ORGANIZER, "/live AR-12345")
    board = await joined.press(ORGANIZER, button(board, "▶ H14"))
    await joined.dispatcher["app"].reminders.tick()  # "you are next" queued, not sent yet
    await joined.press(ORGANIZER, button(board, "▶ H13"))
    calls = await send_everything(joined)
    assert [m.text for m in posted(calls, H13_MEMBER)] == [
        ZH(N_("Your turn: please go on stage now! {round}, {venue}."),
           round="擂台赛初赛（12345赛道）", venue="第一会议厅")
    ]  # fmt: skip
    async with database(joined).unit_of_work() as uow:
        assert await uow.outbox.report(H13_NEXT) == {Status.CANCELLED: 1}


async def test_checking_in_twice_edits_the_copies_once(joined: Telegram) -> None:
    await sent_next(joined)
    await joined.send(H13_MEMBER, "/checkin")
    await joined.send(H13_MEMBER, "/checkin")
    await joined.send(H13_LEADER, "/checkin")
    # A check-in presses no message: every copy, the member's own too, is edited once.
    assert sorted(cast(int, e.chat_id) for e in edits(await send_everything(joined))) == [
        H13_MEMBER,
        H13_LEADER,
    ]


async def test_a_check_in_before_any_reminder_leaves_the_turn_to_be_confirmed(
    joined: Telegram,
) -> None:
    await joined.join(H13_MEMBER, "H13-1")
    joined.clock.moment = ARENA - timedelta(hours=2)  # before the first reminder of the turn
    await joined.send(H13_MEMBER, "/checkin")
    copies = await sent_next(joined)
    assert copies[H13_MEMBER][1].startswith("ack:")  # still asked: are you here now?
