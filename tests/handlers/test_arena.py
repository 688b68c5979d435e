"""/arena: the scorekeeper records the arena; double taps and reused cards count nothing."""

from typing import Any

from aiogram.methods import AnswerCallbackQuery, EditMessageText, TelegramMethod

from bot.domain.audit import AuditAction
from handlers.arena.callbacks import ArenaButton, ArenaKind
from tests.handlers.broadcasting import button, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, ORGANIZER, Telegram
from tests.handlers.reordering import reimport, reverse_running_order

ROUND = "AR-12345"


async def board(joined: Telegram) -> list[TelegramMethod[Any]]:
    return await joined.send(ORGANIZER, f"/arena {ROUND}")


async def step(joined: Telegram, calls: list[TelegramMethod[Any]], *labels: str) -> Any:
    for label in labels:
        calls = await joined.press(ORGANIZER, button(calls, label))
    return calls


def text(calls: list[TelegramMethod[Any]]) -> str:
    edit = next(c for c in reversed(calls) if isinstance(c, EditMessageText))
    assert edit.text is not None
    return edit.text


async def test_a_wrong_risk_answer_costs_the_tier(joined: Telegram) -> None:
    calls = await step(joined, await board(joined), "H14", "风险题", "30", "✗ 答错")
    assert "H14 -30" in text(calls)
    async with database(joined).unit_of_work() as uow:
        assert (await uow.audit.entries())[-1].action is AuditAction.ARENA_EVENT


async def test_a_correct_mandatory_answer_scores_ten(joined: Telegram) -> None:
    calls = await step(joined, await board(joined), "H14", "必答题", "H14-2", "✓ 答对")
    assert "H14 10" in text(calls)


async def test_a_double_tap_records_once(joined: Telegram) -> None:
    calls = await step(joined, await board(joined), "H14", "抢答题")
    correct = button(calls, "✓ 答对")
    await joined.press(ORGANIZER, correct)
    again = await joined.press(ORGANIZER, correct)
    assert is_alert(again[:1])
    assert "H14 10" in text(again)


async def test_a_used_risk_card_is_refused(joined: Telegram) -> None:
    await step(joined, await board(joined), "H14", "风险题", "20", "✓ 答对")
    calls = await step(joined, await board(joined), "H14", "风险题", "20", "✓ 答对")
    assert isinstance(calls[0], AnswerCallbackQuery)
    assert calls[0].text == "H14 队的 20 分风险题卡已用完"
    assert "H14 20" in text(calls)


async def test_undo_takes_back_the_last_event(joined: Telegram) -> None:
    await step(joined, await board(joined), "H14", "抢答题", "✓ 答对")
    calls = await step(joined, await board(joined), "↩ 撤销上一条")
    assert "H14 0" in text(calls)
    async with database(joined).unit_of_work() as uow:
        assert (await uow.audit.entries())[-1].action is AuditAction.ARENA_UNDONE


async def test_a_contestant_can_neither_open_nor_press_it(joined: Telegram) -> None:
    assert "/arena" in sent(await joined.send(CONTESTANT, "/arena AR-12345"))[0].text
    forged = ArenaButton(round=1, team=0, kind=ArenaKind.BUZZ, outcome="correct", version=0)
    assert is_alert(await joined.press(CONTESTANT, forged.pack()))


async def ids(joined: Telegram) -> tuple[int, dict[str, int], dict[str, int]]:
    """The arena round's id, and the ids of teams and people by code."""
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    round_id = next(r.id for r in data.rounds if r.code == ROUND)
    assert round_id is not None
    teams = {t.code: t.id for t in data.teams if t.id is not None}
    return round_id, teams, {p.code: p.id for p in data.people if p.id is not None}


async def test_a_button_records_its_team_after_the_running_order_changed(
    joined: Telegram, demo_parsed: Any
) -> None:
    calls = await step(joined, await board(joined), "H14", "抢答题")
    correct = button(calls, "✓ 答对")
    await reverse_running_order(joined, demo_parsed, ROUND)
    assert "H14 10" in text(await joined.press(ORGANIZER, correct))


async def test_a_button_of_a_team_taken_out_of_the_round_is_refused(
    joined: Telegram, demo_parsed: Any
) -> None:
    calls = await step(joined, await board(joined), "H14", "抢答题")
    correct = button(calls, "✓ 答对")
    await reimport(joined, demo_parsed, ROUND, lambda s: None if s.team_code == "H14" else s)
    calls = await joined.press(ORGANIZER, correct)
    assert is_alert(calls[:1])
    assert "H14" not in text(calls)
    async with database(joined).unit_of_work() as uow:
        assert await uow.arena.count(ROUND) == 0


async def test_a_contestant_of_another_team_is_refused(joined: Telegram) -> None:
    round_id, teams, people = await ids(joined)
    forged = ArenaButton(round=round_id, team=teams["H14"], kind=ArenaKind.MANDATORY,
                         person=people["H15-1"], outcome="correct", version=0)  # fmt: skip
    assert is_alert(await joined.press(ORGANIZER, forged.pack()))
    async with database(joined).unit_of_work() as uow:
        assert await uow.arena.count(ROUND) == 0
