"""Judges score the showcase in the bot; nothing reaches contestants until it is published."""

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from typing import Any

from aiogram.methods import EditMessageText, SendMessage, SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile
from PIL import Image

from bot.domain.audit import AuditAction
from bot.domain.contest import ContestData
from bot.domain.enums import Locale
from bot.domain.outbox import Delivery
from bot.domain.problems import N_
from bot.services.scores import NO_TURN, NOT_ASSIGNED
from bot.services.sender import Verdict
from bot.telegram.transport import BotTransport, StoredMedia
from bot.texts.texts import Texts
from handlers.follows.callbacks import FollowButton
from handlers.results.callbacks import PublishButton, PublishPreview
from handlers.scoring.callbacks import ScoreRound, ScoreTeam
from tests.handlers.broadcasting import button, buttons, database, is_alert, sent
from tests.handlers.conftest import CONTESTANT, ORGANIZER, SHANGHAI, Telegram
from tests.handlers.reordering import reimport, reimport_people, reverse_running_order

ROUND = "SC-12345"
JUDGES = {6000 + n: f"J{n}" for n in range(1, 5)}  # the 12345 track's panel
TRACK = [f"H{n:02d}" for n in range(1, 21)]
ZH = Texts(Locale.ZH_HANS, SHANGHAI)


def score(judge: int, team: str) -> Decimal:
    """A distinct, reproducible score per judge and team."""
    return Decimal(70) + Decimal(int(team[1:]) + judge % 7 * 3) / 4


def expected_mean(team: str) -> Decimal:
    scores = sorted(score(judge, team) for judge in JUDGES)
    mean = sum(scores[1:-1], Decimal(0)) / (len(scores) - 2)
    return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def shown(calls: list[TelegramMethod[Any]]) -> str:
    """The text of the last message the bot sent or edited."""
    texts = [c.text for c in calls if isinstance(c, SendMessage | EditMessageText)]
    assert texts, calls
    assert texts[-1] is not None
    return texts[-1]


def team_button(calls: list[TelegramMethod[Any]], team: str) -> str:
    found = [data for label, data in buttons(calls).items() if f"{team} " in label]
    assert len(found) == 1, (team, buttons(calls))
    return found[0]


async def teams_board(telegram: Telegram, judge: int) -> list[TelegramMethod[Any]]:
    return await telegram.send(judge, "/score")


async def enter(telegram: Telegram, judge: int, team: str, text: str) -> str:
    await telegram.press(judge, team_button(await teams_board(telegram, judge), team))
    return shown(await telegram.send(judge, text))


async def score_everything(telegram: Telegram) -> None:
    for judge, code in JUDGES.items():
        await telegram.join(judge, code)
        for team in TRACK:
            answer = await enter(telegram, judge, team, f"{score(judge, team)}")
            assert answer.startswith("✓ 已保存")


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
    mine = [label for label in buttons(await teams_board(joined, 6001)) if "H03 " in label]
    theirs = [label for label in buttons(await teams_board(joined, 6002)) if "H03 " in label]
    assert mine[0].startswith("✓ H03")
    assert mine[0].endswith("· 88.00")
    assert not theirs[0].startswith("✓")


async def test_after_publication_a_correction_needs_a_reason(joined: Telegram) -> None:
    await score_everything(joined)
    await publish(joined)
    refused = await enter(joined, 6001, "H03", "60")
    assert "需要说明原因" in refused
    assert shown(await joined.send(6001, "计分有误")).startswith("✓ 已更正")  # its own step
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


async def contest(telegram: Telegram) -> ContestData:
    async with database(telegram).unit_of_work() as uow:
        data = await uow.contest.load()
    assert data is not None
    return data


async def ids(telegram: Telegram, round_code: str, team_code: str) -> tuple[int, int]:
    data = await contest(telegram)
    round_ = next(r for r in data.rounds if r.code == round_code)
    team = next(t for t in data.teams if t.code == team_code)
    assert round_.id is not None
    assert team.id is not None
    return round_.id, team.id


async def stored(telegram: Telegram, judge: str) -> dict[str, Decimal]:
    async with database(telegram).unit_of_work() as uow:
        given = await uow.scores.showcase(ROUND)
    return {team: scores[judge] for team, scores in given.items() if judge in scores}


async def test_a_judge_is_offered_only_the_round_of_their_track(joined: Telegram) -> None:
    await joined.join(6005, "J5")  # the window panel
    calls = await joined.send(6005, "/score")
    assert shown(calls).startswith("风采展示（窗口赛道）：你已为 20 支队伍中的 0 支打分")
    assert all(" W" in f" {label}" for label in buttons(calls))


async def test_a_forged_button_for_another_tracks_round_is_refused(joined: Telegram) -> None:
    await joined.join(6001, "J1")
    round_id, team_id = await ids(joined, "SC-window", "W01")
    refusal = ZH(NOT_ASSIGNED, round="风采展示（窗口赛道）")
    for data in (ScoreTeam(round=round_id, team=team_id), ScoreRound(round=round_id)):
        calls = await joined.press(6001, data.pack())
        assert is_alert(calls)
        assert calls[0].text == refusal  # type: ignore[attr-defined]
    assert "窗口" not in shown(await joined.send(6001, "95"))  # no score was awaited


async def test_buttons_name_each_team_two_a_row_unscored_first(joined: Telegram) -> None:
    await joined.join(6001, "J1")
    await enter(joined, 6001, "H03", "88")
    calls = await teams_board(joined, 6001)
    markup = calls[-1].reply_markup  # type: ignore[attr-defined]
    rows = [[b.text for b in row] for row in markup.inline_keyboard]
    assert {len(row) for row in rows} == {2}
    labels = [label for row in rows for label in row]
    assert labels[-1] == "✓ H03 鞍山市热线代表队 · 88.00"
    assert all(not label.startswith("✓") for label in labels[:-1])
    assert "H07 锦州市热线代表队" in labels


async def test_after_a_score_the_same_message_asks_for_the_next_team(joined: Telegram) -> None:
    await joined.join(6001, "J1")
    board = await teams_board(joined, 6001)
    board_id = 555  # the message the buttons are under
    order = [label.split()[0] for label in buttons(board)]
    first, second = order[0], order[1]
    await joined.press(6001, team_button(board, first), message_id=board_id)
    calls = await joined.send(6001, "88.5")
    (edit,) = [c for c in calls if isinstance(c, EditMessageText | SendMessage)]
    assert isinstance(edit, EditMessageText)
    assert edit.message_id == board_id
    assert edit.text is not None
    assert edit.text.startswith(f"✓ 已保存：{first} ")
    assert f"请发送 {second} " in edit.text
    shown(await joined.send(6001, "90"))  # no tap: the number is the next team's
    assert await stored(joined, "J1") == {first: Decimal("88.50"), second: Decimal("90.00")}


async def test_a_twenty_team_round_takes_one_tap_and_twenty_one_messages(
    joined: Telegram,
) -> None:
    """Before, every team took a tap on a re-posted board and the number, after /score and a
    tap on the round: 21 taps + 21 messages = 42 actions. Now 1 tap + 21 messages = 22."""
    await joined.join(6001, "J1")
    taps, messages = 0, 1
    calls = await joined.send(6001, "/score")
    while ZH(N_("Tap a team to score it.")) in shown(calls) or "请发送" not in shown(calls):
        labels = [label for label in buttons(calls) if not label.startswith("✓")]
        calls = await joined.press(6001, buttons(calls)[labels[0]])
        taps += 1
    while "请发送" in shown(calls):
        calls = await joined.send(6001, "80")
        messages += 1
    assert len(await stored(joined, "J1")) == 20
    assert (taps, messages) == (1, 21)
    assert shown(calls).startswith("✓ 已保存")
    assert "20 支队伍中的 20 支" in shown(calls)
    assert shown(calls).endswith(ZH(N_("Every team has your score; tap one to change it.")))


async def test_a_button_scores_its_team_after_the_running_order_changed(
    joined: Telegram, demo_parsed: Any
) -> None:
    await joined.join(6001, "J1")
    board = await teams_board(joined, 6001)
    await reverse_running_order(joined, demo_parsed, ROUND)
    calls = await joined.press(6001, team_button(board, "H03"))
    assert "请发送 H03 " in shown(calls)
    await joined.send(6001, "77")
    assert await stored(joined, "J1") == {"H03": Decimal("77.00")}


async def test_a_button_of_a_team_taken_out_of_the_round_is_refused(
    joined: Telegram, demo_parsed: Any
) -> None:
    await joined.join(6001, "J1")
    board = await teams_board(joined, 6001)
    await reimport(joined, demo_parsed, ROUND, lambda s: None if s.team_code == "H03" else s)
    calls = await joined.press(6001, team_button(board, "H03"))
    assert calls[0].text == ZH(N_("This team has no turn in this round any more."))  # type: ignore[attr-defined]
    assert calls[0].show_alert  # type: ignore[attr-defined]
    assert "H03 " not in " ".join(buttons(calls))  # the board as it is now
    assert await stored(joined, "J1") == {}


async def test_score_again_forgets_the_team_that_was_awaited(joined: Telegram) -> None:
    await joined.join(6001, "J1")
    await joined.press(6001, team_button(await teams_board(joined, 6001), "H03"))
    await teams_board(joined, 6001)
    await joined.send(6001, "88")
    assert await stored(joined, "J1") == {}


async def test_a_judge_without_assignments_chooses_among_every_showcase(
    joined: Telegram, demo_parsed: Any
) -> None:
    await reimport_people(joined, demo_parsed, lambda p: replace(p, judge_tracks=()))
    await joined.join(6001, "J1")
    calls = await joined.send(6001, "/score")
    assert shown(calls) == ZH(N_("Which round?"))
    assert set(buttons(calls)) == {"风采展示（12345赛道）", "风采展示（窗口赛道）"}
    picked = await joined.press(6001, buttons(calls)["风采展示（窗口赛道）"])
    assert not sent(picked)  # the same message becomes the board
    assert shown(picked).startswith("风采展示（窗口赛道）：")


async def test_a_team_taken_out_between_the_tap_and_the_number_is_not_scored(
    joined: Telegram, demo_parsed: Any
) -> None:
    await joined.join(6001, "J1")
    await joined.press(6001, team_button(await teams_board(joined, 6001), "H03"))
    await reimport(joined, demo_parsed, ROUND, lambda s: None if s.team_code == "H03" else s)
    assert shown(await joined.send(6001, "77")) == ZH(NO_TURN, team="H03")
    await joined.send(6001, "78")  # no team is awaited any more
    assert await stored(joined, "J1") == {}
