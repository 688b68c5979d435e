"""/live: the stage manager's board, its buttons, and what they refuse."""

from datetime import datetime
from typing import Any

from aiogram.methods import AnswerCallbackQuery, EditMessageText, TelegramMethod

from handlers.live.callbacks import LiveAction, LiveButton
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, ORGANIZER, SHANGHAI, Telegram

ARENA = datetime(2024, 9, 27, 8, 25, tzinfo=SHANGHAI)


async def board(joined: Telegram) -> list[TelegramMethod[Any]]:
    joined.clock.moment = ARENA
    return await joined.send(ORGANIZER, "/live AR-12345")


async def test_live_alone_offers_the_rounds_with_team_turns(joined: Telegram) -> None:
    calls = await joined.send(ORGANIZER, "/live")
    assert sent(calls)[0].text == "哪一轮？"
    assert len(buttons(calls)) == 4  # showcase and arena rounds of both tracks


async def test_the_board_lists_the_queue_with_times(joined: Telegram) -> None:
    calls = await board(joined)
    text = sent(calls)[0].text
    assert "共 20 场，已完成 0 场" in text
    assert "1. H14 葫芦岛市热线代表队 08:30" in text


async def test_on_stage_then_done_updates_the_board_in_place(joined: Telegram) -> None:
    calls = await joined.press(ORGANIZER, button(await board(joined), "▶ H14"))
    edit = next(c for c in calls if isinstance(c, EditMessageText))
    assert edit.text is not None
    assert "🎤 H14" in edit.text
    calls = await joined.press(ORGANIZER, button(calls, "✓ H14"))
    edit = next(c for c in calls if isinstance(c, EditMessageText))
    assert edit.text is not None
    assert "已完成 1 场" in edit.text


async def test_a_double_tap_records_the_event_once(joined: Telegram) -> None:
    start = button(await board(joined), "▶ H14")
    await joined.press(ORGANIZER, start)
    calls = await joined.press(ORGANIZER, start)
    assert isinstance(calls[0], AnswerCallbackQuery)
    assert calls[0].text == "控场面板已有变化，这是最新状态。"
    async with database(joined).unit_of_work() as uow:
        assert len(await uow.stage_events.of_round("AR-12345")) == 1


async def test_a_delay_moves_the_expected_times(joined: Telegram) -> None:
    calls = await joined.press(ORGANIZER, button(await board(joined), "+10′"))
    edit = next(c for c in calls if isinstance(c, EditMessageText))
    assert edit.text is not None
    assert "延误：+10 分钟" in edit.text
    assert "08:40" in edit.text


async def test_an_impossible_event_is_explained_in_an_alert(joined: Telegram) -> None:
    await board(joined)
    data = LiveButton(round=await arena_id(joined), action=LiveAction.FINISH, position=1, version=0)
    calls = await joined.press(ORGANIZER, data.pack())
    assert is_alert(calls)
    assert calls[0].text == "第 1 位的队伍不在台上"  # type: ignore[attr-defined]


async def test_a_contestant_can_neither_open_nor_press_the_board(joined: Telegram) -> None:
    refusal = sent(await joined.send(CONTESTANT, "/live AR-12345"))[0].text
    assert "/live" in refusal
    data = LiveButton(round=await arena_id(joined), action=LiveAction.START, position=1, version=0)
    assert is_alert(await joined.press(CONTESTANT, data.pack()))
    async with database(joined).unit_of_work() as uow:
        assert await uow.stage_events.of_round("AR-12345") == []


async def test_a_forged_round_is_a_stale_button(joined: Telegram) -> None:
    data = LiveButton(round=99999, action=LiveAction.START, position=1, version=0)
    assert is_alert(await joined.press(ORGANIZER, data.pack()))


async def test_going_on_stage_reminds_the_next_teams(joined: Telegram) -> None:
    await joined.join(5001, "H13-L")  # turn 2 of AR-12345
    await joined.press(ORGANIZER, button(await board(joined), "▶ H14"))
    await joined.dispatcher["app"].reminders.tick()
    async with database(joined).unit_of_work() as uow:
        due = await uow.outbox.claim_due(joined.clock.now(), 100)
    assert [d.text for d in due if d.chat_id == 5001] == [
        "下一个就是你们（预计08:40上场，第一会议厅），请做好准备。"
    ]


async def arena_id(joined: Telegram) -> int:
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return next(r.id for r in data.rounds if r.code == "AR-12345" and r.id is not None)
