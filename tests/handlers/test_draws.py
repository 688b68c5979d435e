"""/draw ROUND in the bot: an organizer commits, then reveals the running order with a button."""

from dataclasses import replace
from datetime import timedelta
from typing import Any

from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from sqlalchemy import select

from bot.domain.draw import Draw, commitment
from bot.services.contest_import import import_contest
from bot.views import BotViews
from handlers.draws.callbacks import DrawButton
from storage.models import DeliveryRow
from tests.handlers.broadcasting import button, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, LEADER, ORGANIZER, Telegram

ROUND = "SC-12345"  # the showcase of the 12345 track: 20 team turns
REVEAL = "🎲 公布出场顺序"


async def latest_draw(telegram: Telegram) -> Draw | None:
    async with database(telegram).unit_of_work() as uow:
        return await uow.draws.latest(ROUND)


async def round_id(telegram: Telegram) -> int:
    async with database(telegram).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    found = next(r.id for r in data.rounds if r.code == ROUND)
    assert found is not None
    return found


async def committed(telegram: Telegram) -> list[TelegramMethod[Any]]:
    return await telegram.send(ORGANIZER, f"/draw {ROUND}")


async def test_an_organizer_gets_the_commitment_and_a_reveal_button(joined: Telegram) -> None:
    calls = await committed(joined)
    draw = await latest_draw(joined)
    assert draw is not None
    assert draw.commitment == commitment(draw.seed)
    reply = sent(calls)[-1].text
    assert f"{ROUND} 的承诺值已公布" in reply
    assert f"<code>{draw.commitment}</code>" in reply
    assert draw.seed not in reply
    assert button(calls, REVEAL) == DrawButton(round=await round_id(joined)).pack()


async def test_the_round_code_may_be_sent_in_any_case(joined: Telegram) -> None:
    await joined.send(ORGANIZER, f"/draw {ROUND.lower()}")
    assert await latest_draw(joined) is not None


async def test_pressing_reveal_answers_and_reports_the_order_published(joined: Telegram) -> None:
    calls = await joined.press(ORGANIZER, button(await committed(joined), REVEAL))
    assert isinstance(calls[0], AnswerCallbackQuery)
    assert not is_alert(calls)
    assert sent(calls)[-1].text == f"{ROUND} 的出场顺序已抽出并公布（20 支队伍）。"
    draw = await latest_draw(joined)
    assert draw is not None
    assert draw.order is not None


async def test_a_contestant_cannot_draw(joined: Telegram) -> None:
    reply = await joined.ask(CONTESTANT, f"/draw {ROUND}")
    assert "/draw 对你不可用" in reply
    assert await latest_draw(joined) is None


async def test_a_forged_reveal_button_from_a_contestant_is_stale(joined: Telegram) -> None:
    await committed(joined)
    forged = DrawButton(round=await round_id(joined)).pack()
    calls = await joined.press(CONTESTANT, forged)
    assert is_alert(calls)
    assert calls[0].text == "这个按钮已失效。"  # type: ignore[attr-defined]
    draw = await latest_draw(joined)
    assert draw is not None
    assert draw.order is None


async def test_an_unknown_round_gets_the_list_of_round_codes(joined: Telegram) -> None:
    reply = await joined.ask(ORGANIZER, "/draw X99")
    assert reply.startswith("请发送 /draw 轮次编号，可选：")
    assert all(code in reply for code in ("SC-12345", "AR-window", "CEREMONY"))
    assert await latest_draw(joined) is None


async def test_a_round_without_team_turns_is_explained(joined: Telegram) -> None:
    reply = await joined.ask(ORGANIZER, "/draw TH-12345")
    assert reply == "TH-12345 没有需要抽签的队伍场次。"


async def test_pressing_reveal_twice_publishes_once(joined: Telegram) -> None:
    reveal = button(await committed(joined), REVEAL)
    await joined.press(ORGANIZER, reveal)
    first = await latest_draw(joined)
    calls = await joined.press(ORGANIZER, reveal)
    assert isinstance(calls[0], AnswerCallbackQuery)
    assert await latest_draw(joined) == first


async def test_the_draw_is_announced_to_the_joined_members_of_the_drawn_teams(
    joined: Telegram,
) -> None:
    await committed(joined)
    draw = await latest_draw(joined)
    assert draw is not None
    async with database(joined).engine.connect() as connection:
        chats = set(
            await connection.scalars(
                select(DeliveryRow.chat_id).where(
                    DeliveryRow.dedup_key == f"draw:{draw.id}:commitment"
                )
            )
        )
    # The contestant of H07 and the leader of H01 are drawn; the organizer and judge oversee.
    assert chats == {ORGANIZER, CONTESTANT, LEADER, JUDGE}


async def test_revealing_does_not_undo_a_change_imported_by_another_process_meanwhile(
    joined: Telegram, demo_parsed: Any
) -> None:
    reveal = button(await committed(joined), REVEAL)
    draft, problems = demo_parsed
    later = [
        replace(e, item=replace(e.item, starts_at=e.item.starts_at + timedelta(minutes=30)))
        if e.item.round_code == "CEREMONY" else e
        for e in draft.slots
    ]  # fmt: skip
    imported = await import_contest(
        database(joined).unit_of_work, replace(draft, slots=later), problems, views=BotViews()
    )
    assert imported.applied
    joined.clock.moment += timedelta(seconds=1)  # within the cache's few seconds
    await joined.press(ORGANIZER, reveal)
    async with database(joined).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    ceremony = next(s for s in data.slots if s.round_code == "CEREMONY")
    planned = next(e.item for e in draft.slots if e.item.round_code == "CEREMONY")
    assert ceremony.starts_at == planned.starts_at + timedelta(minutes=30)
