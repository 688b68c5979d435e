"""/publish previews a round before anything is sent, refuses an incomplete one unless it is
published anyway, and withdraws a publication with a reason; /standings ranks the scored only."""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiogram.methods import SendPhoto, TelegramMethod

from bot.domain.audit import AuditAction
from bot.domain.enums import Locale
from bot.domain.outbox import Delivery
from bot.i18n import translator
from handlers.results.callbacks import WithdrawPublication
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, ORGANIZER, Telegram
from tests.handlers.test_scoring import ROUND, SHOWCASE, preview, publish, results

ZH = translator(Locale.ZH_HANS)
JUDGE_CODES = [f"J{n}" for n in range(1, 8)]
NOW = datetime(2024, 9, 26, 6, tzinfo=UTC)


async def scored(telegram: Telegram, teams: list[str], judges: list[str] = JUDGE_CODES) -> None:
    """The judges' scores, as if entered: team Hnn gets 60 + nn from each."""
    async with database(telegram).unit_of_work() as uow:
        for team in teams:
            for judge in judges:
                value = Decimal(60 + int(team[1:]))
                await uow.scores.set_showcase(ROUND, team, judge, value, NOW)
        await uow.commit()


async def due(telegram: Telegram) -> list[Delivery]:
    async with database(telegram).unit_of_work() as uow:
        found = await uow.outbox.claim_due(telegram.clock.now(), 1000)
        await uow.commit()
    return found


def preview_text(calls: list[TelegramMethod[Any]]) -> str:
    return sent(calls)[-1].text


async def test_the_preview_shows_the_picture_and_what_is_missing_before_anything_is_sent(
    joined: Telegram,
) -> None:
    await scored(joined, ["H01", "H07"])
    await scored(joined, ["H02"], ["J1"])
    calls = await preview(joined)
    assert any(isinstance(call, SendPhoto) for call in calls)
    text = preview_text(calls)
    assert ZH("Scored: {scored} of {count}.").format(scored=2, count=20) in text
    assert "J2" in text
    assert ZH("<b>A contestant would read:</b>") in text
    assert await results(joined) == []


async def test_an_incomplete_round_offers_only_publish_anyway(joined: Telegram) -> None:
    await scored(joined, ["H01", "H07"])
    labels = list(buttons(await preview(joined)))
    assert not any(label.startswith("✅") for label in labels)
    (anyway,) = [label for label in labels if label.startswith("⚠")]
    assert "2 / 20" in anyway


async def test_published_anyway_the_pending_are_told_so_and_ranks_only_the_scored(
    joined: Telegram,
) -> None:
    await scored(joined, ["H01", "H07"])
    done = await joined.press(ORGANIZER, button(await preview(joined), "⚠"))
    assert "成绩已公布（第 1 版）" in sent(done)[0].text
    (mine,) = [d for d in await results(joined) if d.chat_id == CONTESTANT]  # H07-1
    line = ZH("Your team's showcase score: {score} (rank {rank} of {count} teams).")
    assert line.format(score="67.00", rank=1, count=2) in mine.text


async def test_with_nothing_scored_the_preview_offers_no_publication(joined: Telegram) -> None:
    markup = sent(await preview(joined))[-1].reply_markup
    assert markup is None or not getattr(markup, "inline_keyboard", [])


async def test_an_organizer_withdraws_a_publication_with_a_reason(joined: Telegram) -> None:
    await scored(joined, [f"H{n:02d}" for n in range(1, 21)])
    await publish(joined)
    await results(joined)  # the results go out (claimed by the sender)
    calls = await preview(joined)
    asked = await joined.press(ORGANIZER, button(calls, "↩"))
    assert "/cancel" in sent(asked)[0].text
    done = await joined.send(ORGANIZER, "评委3号的分数录错了")
    assert "已撤回" in sent(done)[0].text
    (notice,) = [d for d in await due(joined) if d.dedup_key.startswith("withdrawn:")]
    assert notice.chat_id == CONTESTANT
    assert "评委3号的分数录错了" in notice.text
    async with database(joined).unit_of_work() as uow:
        assert await uow.publications.published() == {}
        last = (await uow.audit.entries())[-1]
    assert (last.action, last.reason) == (AuditAction.PUBLICATION_WITHDRAWN, "评委3号的分数录错了")
    listing = buttons(await joined.send(ORGANIZER, "/publish"))
    assert any(label.startswith(f"{SHOWCASE} · 已撤回") for label in listing)


async def test_cancel_instead_of_a_reason_withdraws_nothing(joined: Telegram) -> None:
    await scored(joined, [f"H{n:02d}" for n in range(1, 21)])
    await publish(joined)
    await joined.press(ORGANIZER, button(await preview(joined), "↩"))
    await joined.send(ORGANIZER, "/cancel")
    async with database(joined).unit_of_work() as uow:
        assert await uow.publications.published() == {ROUND: 1}


async def test_a_contestant_cannot_withdraw(joined: Telegram) -> None:
    await scored(joined, [f"H{n:02d}" for n in range(1, 21)])
    await publish(joined)
    assert is_alert(await joined.press(CONTESTANT, WithdrawPublication(round=1, version=1).pack()))


async def test_draft_standings_say_how_many_are_scored_and_rank_only_them(
    joined: Telegram,
) -> None:
    await scored(joined, ["H01", "H07"])
    text = sent(await joined.send(ORGANIZER, "/standings"))[0].text
    assert ZH("Teams scored: {scored} of {count}.").format(scored=2, count=20) in text
    assert "1. H07" in text
    assert "2. H01" in text
    assert "3. " not in text
    assert ZH("Not scored yet: {teams}").split("{")[0] in text
