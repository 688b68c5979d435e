"""Schedule commands on the demo contest, as a contestant of team H07 sees them."""

from datetime import datetime
from typing import cast

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup

from bot.domain.contest import ContestData, Slot
from handlers.schedule.callbacks import SchedulePage
from tests.handlers.conftest import SHANGHAI, Telegram

ALICE = 2001
NOON = datetime(2024, 9, 26, 12, 0, tzinfo=SHANGHAI)


async def test_next_in_the_morning_is_the_theory_exam_for_the_whole_track(
    telegram: Telegram,
) -> None:
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ALICE, "/next")
    assert "理论考试（12345赛道）" in reply
    assert "08:30–10:00" in reply
    assert "理论考场A" in reply


async def test_a_contestant_walks_from_the_invite_to_their_turn_in_chinese(
    telegram: Telegram, demo_data: ContestData
) -> None:
    telegram.clock.moment = NOON
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ALICE, "/next")
    slot = _own_slot(demo_data, "SC-12345", "H07")
    start = slot.starts_at.astimezone(SHANGHAI)
    assert "风采展示（12345赛道）" in reply
    assert f"9月26日周四 {start:%H:%M}–" in reply
    assert "第一会议厅" in reply
    assert f"第 {slot.position} 位" in reply
    assert f"前面还有 {slot.position - 1} 支队伍" in reply


async def test_a_contestant_walks_from_the_invite_to_their_turn_in_english(
    telegram: Telegram, demo_data: ContestData
) -> None:
    telegram.clock.moment = NOON
    await telegram.join(ALICE, "H07-1")
    await telegram.press(ALICE, "lang:en")
    reply = await telegram.ask(ALICE, "/next")
    slot = _own_slot(demo_data, "SC-12345", "H07")
    start = slot.starts_at.astimezone(SHANGHAI)
    assert "Showcase (12345 track)" in reply
    assert f"Thu, Sep 26 {start:%H:%M}–" in reply
    assert "Conference Hall 1" in reply
    assert f"No. {slot.position} of 20; teams before you: {slot.position - 1}." in reply


def _own_slot(data: ContestData, round_code: str, team: str) -> Slot:
    return next(s for s in data.slots if s.round_code == round_code and s.team_code == team)


async def test_today_lists_the_track_programme_and_marks_the_team_turn(
    telegram: Telegram,
) -> None:
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ALICE, "/today")
    assert "9月26日周四" in reply
    assert "理论考试（12345赛道）" in reply
    assert "风采展示（12345赛道）" in reply
    assert "窗口赛道" not in reply  # the other track is not this contestant's business
    assert "你们的出场" in reply


async def test_tomorrow_lists_the_arena_and_the_ceremony(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-1")
    reply = await telegram.ask(ALICE, "/tomorrow")
    assert "擂台赛初赛（12345赛道）" in reply
    assert "闭幕式暨颁奖典礼" in reply


async def test_a_day_without_events_points_to_the_next_contest_day(telegram: Telegram) -> None:
    telegram.clock.moment = datetime(2024, 9, 24, 9, 0, tzinfo=SHANGHAI)
    reply = await telegram.ask(ALICE, "/today")
    assert "没有安排" in reply
    assert "9月25日" in reply


async def test_schedule_opens_on_today_with_buttons_to_other_days(telegram: Telegram) -> None:
    calls = await telegram.send(ALICE, "/schedule")
    message = next(call for call in calls if isinstance(call, SendMessage))
    assert "9月26日周四" in message.text
    assert isinstance(message.reply_markup, InlineKeyboardMarkup)
    buttons = [b.callback_data for row in message.reply_markup.inline_keyboard for b in row]
    assert buttons == [SchedulePage(day=0).pack(), SchedulePage(day=2).pack()]


async def test_a_schedule_button_turns_the_page_in_place(telegram: Telegram) -> None:
    calls = await telegram.press(ALICE, SchedulePage(day=2).pack(), message_id=555)
    edit = next(call for call in calls if isinstance(call, EditMessageText))
    assert edit.message_id == 555
    assert edit.text is not None
    assert "9月27日周五" in edit.text


async def test_no_schedule_page_is_longer_than_telegram_allows(telegram: Telegram) -> None:
    for day in range(3):
        calls = await telegram.press(ALICE, SchedulePage(day=day).pack())
        edit = next(call for call in calls if isinstance(call, EditMessageText))
        assert edit.text is not None
        assert 0 < len(edit.text) <= 4096


async def test_where_lists_venues_with_directions(telegram: Telegram) -> None:
    reply = await telegram.ask(ALICE, "/where")
    assert "第一会议厅" in reply
    assert "二楼东侧" in reply


async def test_team_lists_members_by_seat_and_the_leader(telegram: Telegram) -> None:
    await telegram.join(ALICE, "H07-2")
    reply = await telegram.ask(ALICE, "/team")
    for code in ("H07-1", "H07-2", "H07-3", "H07-L"):
        assert telegram.people[code].name in reply
    assert reply.index("1 号") < reply.index("2 号") < reply.index("3 号")


async def test_a_forged_page_number_is_refused_politely(telegram: Telegram) -> None:
    calls = await telegram.press(ALICE, SchedulePage(day=9).pack())
    assert [type(call) for call in calls] == [AnswerCallbackQuery]
    assert cast(AnswerCallbackQuery, calls[0]).show_alert is True
