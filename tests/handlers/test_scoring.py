"""Judges score the showcase in the bot; nothing reaches contestants until it is published."""

from decimal import Decimal
from io import BytesIO
from typing import Any

from aiogram.methods import SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile
from PIL import Image

from bot.domain.audit import AuditAction
from bot.domain.outbox import Delivery
from bot.services.sender import Verdict
from handlers.keyboards import FollowButton, PublishButton, PublishPreview, ScoreTeam
from handlers.transport import BotTransport, StoredMedia
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, JUDGE, ORGANIZER, Telegram

ROUND = "SC-12345"
JUDGES = {**{6000 + n: f"J{n}" for n in range(1, 7)}, JUDGE: "J7"}  # J7 joined already
TRACK = [f"H{n:02d}" for n in range(1, 21)]


def score(judge: int, team: str) -> Decimal:
    """A distinct, reproducible score per judge and team."""
    return Decimal(70) + Decimal(int(team[1:]) + judge % 7 * 3) / 4


def expected_mean(team: str) -> Decimal:
    scores = sorted(score(judge, team) for judge in JUDGES)
    return (sum(scores[1:-1], Decimal(0)) / 5).quantize(Decimal("0.01"))


async def teams_board(telegram: Telegram, judge: int) -> list[TelegramMethod[Any]]:
    calls = await telegram.send(judge, "/score")
    (data,) = [data for label, data in buttons(calls).items() if "12345" in label]
    return await telegram.press(judge, data)


async def enter(telegram: Telegram, judge: int, team: str, text: str) -> str:
    await telegram.press(judge, button(await teams_board(telegram, judge), team))
    return sent(await telegram.send(judge, text))[0].text


async def score_everything(telegram: Telegram) -> None:
    for judge, code in JUDGES.items():
        if judge != JUDGE:
            await telegram.join(judge, code)
        for team in TRACK:
            answer = await enter(telegram, judge, team, f"{score(judge, team)}")
            assert answer.startswith(("已保存", "Saved"))


async def results(telegram: Telegram) -> list[Delivery]:
    async with database(telegram).unit_of_work() as uow:
        due = await uow.outbox.claim_due(telegram.clock.now(), 1000)
        await uow.commit()
    return [d for d in due if d.dedup_key.startswith(("result:", "standings:"))]


SHOWCASE = "风采展示（12345赛道）"


async def preview(
    telegram: Telegram, user: int = ORGANIZER, round_label: str = SHOWCASE
) -> list[TelegramMethod[Any]]:
    """/publish, then the round: the preview with its buttons."""
    calls = await telegram.send(user, "/publish")
    return await telegram.press(user, button(calls, round_label))


async def publish(
    telegram: Telegram, user: int = ORGANIZER, round_label: str = SHOWCASE
) -> list[TelegramMethod[Any]]:
    """The preview, then its confirmation."""
    return await telegram.press(user, button(await preview(telegram, user, round_label), "✅"))


async def test_a_full_showcase_is_published_to_each_contestant_once(joined: Telegram) -> None:
    contestants = {7000 + n: f"H{n:02d}-1" for n in range(1, 21) if n != 7}
    for user, code in contestants.items():
        await joined.join(user, code)
    contestants[CONTESTANT] = "H07-1"  # joined already
    await score_everything(joined)
    assert await results(joined) == []  # the embargo: nothing before publication
    await publish(joined)
    delivered = await results(joined)
    assert sorted(d.chat_id for d in delivered) == sorted(contestants)
    for delivery in delivered:
        team = contestants[delivery.chat_id][:3]
        assert f"你们队的风采展示得分：{expected_mean(team)}" in delivery.text


async def test_publishing_twice_sends_nothing_again(joined: Telegram) -> None:
    await score_everything(joined)
    data = button(await preview(joined), "✅")
    await joined.press(ORGANIZER, data)
    again = await joined.press(ORGANIZER, data)
    assert "已经公布过" in sent(again)[0].text
    assert [d.chat_id for d in await results(joined)] == [CONTESTANT]  # H07-1, once


async def test_a_judge_sees_only_their_own_scores(joined: Telegram) -> None:
    await joined.join(6001, "J1")
    await joined.join(6002, "J2")
    await enter(joined, 6001, "H03", "88")
    labels = buttons(await teams_board(joined, 6002))
    assert "H03" in labels
    assert not any(label.startswith("H03 ·") for label in labels)


async def test_after_publication_a_correction_needs_a_reason(joined: Telegram) -> None:
    await score_everything(joined)
    await publish(joined)
    refused = await enter(joined, 6001, "H03", "60")
    assert "需要说明原因" in refused
    await joined.press(6001, button(await teams_board(joined, 6001), "H03"))
    assert sent(await joined.send(6001, "60 计分有误"))[0].text.startswith("已更正")
    async with database(joined).unit_of_work() as uow:
        entries = await uow.audit.entries()
    last = entries[-1]
    assert (last.action, last.reason) == (AuditAction.SCORE_CORRECTED, "计分有误")


async def test_junk_instead_of_a_score_is_asked_again(joined: Telegram) -> None:
    await joined.join(6001, "J1")
    assert "请发送一个数字" in await enter(joined, 6001, "H03", "很好")
    assert "0 到 100" in sent(await joined.send(6001, "130"))[0].text


async def test_a_contestant_can_neither_score_nor_publish(joined: Telegram) -> None:
    assert "/score" in sent(await joined.send(CONTESTANT, "/score"))[0].text
    assert is_alert(await joined.press(CONTESTANT, ScoreTeam(round=1, team=0).pack()))
    assert is_alert(await joined.press(CONTESTANT, PublishButton(round=1, version=1).pack()))
    assert is_alert(await joined.press(CONTESTANT, PublishPreview(round=1).pack()))


async def test_followers_get_the_standings_as_a_picture_with_the_text(joined: Telegram) -> None:
    follower = 7777
    await joined.send(follower, "/start")
    await joined.press(follower, FollowButton(track=0, follow=True).pack())
    await score_everything(joined)
    await publish(joined)
    (standings,) = [d for d in await results(joined) if d.chat_id == follower]
    assert standings.text.startswith("📊 风采展示（12345赛道）成绩已公布")
    assert standings.attachment is not None
    transport = BotTransport(joined.bot, StoredMedia(database(joined).unit_of_work))
    before = len(joined.session.calls)
    assert (await transport.send(standings)).verdict is Verdict.SENT
    (photo,) = joined.session.calls[before:]
    assert isinstance(photo, SendPhoto)
    assert isinstance(photo.photo, BufferedInputFile)
    picture = Image.open(BytesIO(photo.photo.data))
    assert picture.width == 1080
    assert picture.height > 20 * 64  # a row for each of the 20 teams


async def test_with_two_confirmations_a_second_organizer_publishes(joined: Telegram) -> None:
    joined.dispatcher["app"].settings.publish_confirmations = 2
    await score_everything(joined)
    data = button(await preview(joined), "✅")
    asked = sent(await joined.press(ORGANIZER, data))[0].text
    assert "需要另一位组织者" in asked
    assert sent(await joined.press(ORGANIZER, data))[0].text == asked  # not by the same one
    assert await results(joined) == []
    second = 4201
    await joined.join(second, "ORG2")
    done = await publish(joined, second, "风采展示（12345赛道） · 由 ORG1 申请")
    assert "成绩已公布（第 1 版）" in sent(done)[0].text
    assert [d.chat_id for d in await results(joined)] == [CONTESTANT]
