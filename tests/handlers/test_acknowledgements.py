""" "Got it" under a reminder; without it, the leader and then the organizers are alerted."""

from datetime import datetime, timedelta

from aiogram.methods import AnswerCallbackQuery

from bot.domain.outbox import Delivery
from tests.handlers.broadcasting import button, database, is_alert
from tests.handlers.conftest import CONTESTANT, ORGANIZER, SHANGHAI, Telegram

ARENA = datetime(2024, 9, 27, 8, 25, tzinfo=SHANGHAI)
H13_MEMBER, H13_LEADER = 5001, 5002  # team H13 has turn 2 of AR-12345


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
