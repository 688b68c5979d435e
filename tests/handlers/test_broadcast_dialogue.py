"""Organizers broadcast through a dialogue; what they confirm lands in the outbox exactly once."""

from datetime import datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText

from bot.domain.outbox import Status
from handlers.broadcast.callbacks import (
    BroadcastAction,
    BroadcastButton,
    DraftAction,
    DraftButton,
    WhenPick,
)
from tests.handlers.broadcasting import (
    button,
    buttons,
    database,
    draft,
    is_alert,
    outbox,
    sent,
    to_preview,
)
from tests.handlers.conftest import CONTESTANT, JUDGE, LEADER, ORGANIZER, SHANGHAI, Telegram


async def test_a_full_dialogue_queues_a_delivery_for_each_reachable_member(
    joined: Telegram,
) -> None:
    calls = await to_preview(joined, "所有人", english="Please be there by <b>09:00</b>")
    texts = [call.text for call in sent(calls)]
    assert texts[:2] == ["请各位<b>09:00</b>前到场", "Please be there by <b>09:00</b>"]
    assert "共 172 人，其中 4 人已加入机器人" in texts[2]
    calls = await joined.press(ORGANIZER, button(calls, "确认发送"))
    assert "通知 #1 已排队，将发给 4 人" in sent(calls)[0].text
    assert await outbox(joined) == {Status.PENDING: 4}
    async with database(joined).unit_of_work() as uow:
        due = {d.chat_id: d.text for d in await uow.outbox.claim_due(joined.clock.now(), 10)}
    assert due == {
        ORGANIZER: "请各位<b>09:00</b>前到场",
        CONTESTANT: "请各位<b>09:00</b>前到场",
        LEADER: "请各位<b>09:00</b>前到场",
        JUDGE: "Please be there by <b>09:00</b>",
    }
    async with database(joined).unit_of_work() as uow:
        stored = await uow.broadcasts.get(1)
    assert stored is not None
    assert stored.author_id == joined.people["ORG1"].id


async def test_the_leaders_of_track_12345_are_20_people(joined: Telegram) -> None:
    calls = await draft(joined)
    assert "12345政务服务热线领队 · 1/20" in buttons(calls)
    calls = await joined.press(ORGANIZER, button(calls, "12345政务服务热线领队"))
    calls = await joined.press(ORGANIZER, button(calls, "立即发送"))
    assert "共 20 人，其中 1 人已加入机器人" in sent(calls)[-1].text
    await joined.press(ORGANIZER, button(calls, "确认发送"))
    assert await outbox(joined) == {Status.PENDING: 1}


async def test_html_that_telegram_would_refuse_is_asked_for_again(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/broadcast")
    reply = await joined.ask(ORGANIZER, "<div>请到场</div>")
    assert "div" in reply
    assert "请重新发送" in reply
    assert "英文版本" in await joined.ask(ORGANIZER, "<b>请到场</b>")


async def test_unclosed_tags_are_refused_too(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/broadcast")
    assert "Telegram 会拒绝" in await joined.ask(ORGANIZER, "<b>请到场")


async def test_a_time_in_the_past_is_refused_and_a_later_one_schedules_it(
    joined: Telegram,
) -> None:
    calls = await draft(joined)
    await joined.press(ORGANIZER, button(calls, "所有人"))
    assert "已经过去" in await joined.ask(ORGANIZER, "07:30")
    assert "已经过去" in await joined.ask(ORGANIZER, "2024-09-25 10:00")
    assert "无法识别" in await joined.ask(ORGANIZER, "明天早上")
    calls = await joined.send(ORGANIZER, "09：15")  # a full-width colon from a Chinese keyboard
    assert "时间：9月26日周四 09:15" in sent(calls)[-1].text
    calls = await joined.press(ORGANIZER, button(calls, "确认发送"))
    assert "将于 9月26日周四 09:15 发给 4 人" in sent(calls)[0].text
    async with database(joined).unit_of_work() as uow:
        assert await uow.outbox.claim_due(joined.clock.now(), 10) == []
        later = datetime(2024, 9, 26, 9, 15, tzinfo=SHANGHAI)
        assert len(await uow.outbox.claim_due(later, 10)) == 4


async def test_a_time_that_passes_before_confirming_is_asked_for_again(
    joined: Telegram,
) -> None:
    calls = await to_preview(joined, "所有人", when="30 分钟后")
    joined.clock.moment += timedelta(minutes=31)
    calls = await joined.press(ORGANIZER, button(calls, "确认发送"))
    assert "已经过去" in sent(calls)[0].text
    assert "什么时候发送" in sent(calls)[1].text
    assert await outbox(joined) == {}


async def test_a_double_confirm_publishes_once(joined: Telegram) -> None:
    calls = await to_preview(joined, "评委")
    confirm = button(calls, "确认发送")
    first = await joined.press(ORGANIZER, confirm)
    second = await joined.press(ORGANIZER, confirm)
    assert len(sent(first)) == 1
    assert is_alert(second)
    async with database(joined).unit_of_work() as uow:
        assert len(await uow.broadcasts.latest(10)) == 1
    assert await outbox(joined) == {Status.PENDING: 1}


async def test_the_same_confirm_update_twice_publishes_once(joined: Telegram) -> None:
    from aiogram.types import CallbackQuery, Chat, Message, Update

    calls = await to_preview(joined, "评委")
    message = Message(
        message_id=999, date=joined.clock.now(), chat=Chat(id=ORGANIZER, type="private"), text="…"
    )
    query = CallbackQuery(
        id="1",
        from_user=joined.user(ORGANIZER),
        chat_instance="chat",
        data=button(calls, "确认发送"),
        message=message,
    )
    update = Update(update_id=10_000, callback_query=query)
    before = len(joined.session.calls)
    await joined.dispatcher.feed_update(joined.bot, update)
    answered = len(joined.session.calls)
    await joined.dispatcher.feed_update(joined.bot, update)
    assert len(sent(joined.session.calls[before:])) == 1
    assert len(joined.session.calls) == answered  # the copy is dropped without a word
    assert await outbox(joined) == {Status.PENDING: 1}


@pytest.mark.parametrize("command", ["/broadcast", "/broadcasts"])
async def test_a_contestant_cannot_broadcast(joined: Telegram, command: str) -> None:
    reply = await joined.ask(CONTESTANT, command)
    assert "不可用" in reply


async def test_an_organizer_sees_the_commands_in_help(joined: Telegram) -> None:
    reply = await joined.ask(ORGANIZER, "/help")
    assert "/broadcast — 发布通知" in reply
    assert "/broadcasts — 最近的通知及送达情况" in reply


async def test_forged_buttons_get_the_polite_alert(joined: Telegram) -> None:
    calls = await to_preview(joined, "评委")
    confirm = button(calls, "确认发送")
    # A contestant pressing the organizer's buttons, or the organizer's own, reconstructed.
    assert is_alert(await joined.press(CONTESTANT, confirm))
    await joined.press(ORGANIZER, confirm)
    for action in BroadcastAction:
        assert is_alert(await joined.press(CONTESTANT, BroadcastButton(action=action, id=1).pack()))
    assert await outbox(joined) == {Status.PENDING: 1}
    forged = [
        BroadcastButton(action=BroadcastAction.REPORT, id=99).pack(),
        BroadcastButton(action=BroadcastAction.CANCEL, id=99).pack(),
        "bb:report:-1",
        "bb:report:99999999999999999999999",
        "bb:report:x",
        "bb:delete:1",
        DraftButton(draft=1, action=DraftAction.CONFIRM).pack(),
        WhenPick(draft=1, minutes=15).pack(),
        "ba:1:x",
        "bd:1",
        "ba:1:9999",
    ]
    for data in forged:
        assert is_alert(await joined.press(ORGANIZER, data)), data


async def test_a_button_of_an_earlier_draft_is_stale(joined: Telegram) -> None:
    old = await to_preview(joined, "评委")
    await to_preview(joined, "组织者")
    assert is_alert(await joined.press(ORGANIZER, button(old, "确认发送")))
    assert await outbox(joined) == {}


async def test_cancel_leaves_the_dialogue_and_its_buttons(joined: Telegram) -> None:
    calls = await draft(joined)
    assert await joined.ask(ORGANIZER, "/cancel") == "已取消。"
    assert is_alert(await joined.press(ORGANIZER, button(calls, "所有人")))
    # Plain text is a question again.
    assert "理论考试" in await joined.ask(ORGANIZER, "今天有什么安排")


async def test_the_cancel_button_of_the_preview_discards_the_draft(joined: Telegram) -> None:
    calls = await to_preview(joined, "所有人")
    reply = sent(await joined.press(ORGANIZER, button(calls, "取消")))
    assert reply[0].text == "已取消，没有发送任何消息。"
    assert is_alert(await joined.press(ORGANIZER, button(calls, "确认发送")))
    assert await outbox(joined) == {}


async def test_teams_are_typed_as_codes(joined: Telegram) -> None:
    calls = await draft(joined)
    await joined.press(ORGANIZER, button(calls, "指定队伍"))
    assert "XX9" in await joined.ask(ORGANIZER, "h01 XX9")
    calls = await joined.send(ORGANIZER, "h01, H07")
    calls = await joined.press(ORGANIZER, button(calls, "立即发送"))
    summary = sent(calls)[-1].text
    assert "发给：队伍 H01, H07" in summary
    assert "共 8 人，其中 2 人已加入机器人" in summary


async def test_typing_where_a_button_is_expected_says_so(joined: Telegram) -> None:
    await draft(joined)
    assert "请点击上面的按钮" in await joined.ask(ORGANIZER, "所有人")


async def test_formatting_from_the_telegram_client_is_kept(joined: Telegram) -> None:
    from aiogram.types import Chat, Message, MessageEntity, Update

    await joined.send(ORGANIZER, "/broadcast")
    message = Message(
        message_id=500,
        date=joined.clock.now(),
        chat=Chat(id=ORGANIZER, type="private"),
        from_user=joined.user(ORGANIZER),
        text="请到 A<B 二楼",
        entities=[MessageEntity(type="bold", offset=3, length=3)],
    )
    await joined.dispatcher.feed_update(joined.bot, Update(update_id=500, message=message))
    calls = await joined.press(ORGANIZER, button(joined.session.calls, "跳过"))
    calls = await joined.press(ORGANIZER, button(calls, "评委"))
    calls = await joined.press(ORGANIZER, button(calls, "立即发送"))
    assert sent(calls)[0].text == "请到 <b>A&lt;B</b> 二楼"


async def test_cancelling_a_scheduled_broadcast_stops_its_deliveries(joined: Telegram) -> None:
    calls = await to_preview(joined, "所有人", when="1 小时后")
    calls = await joined.press(ORGANIZER, button(calls, "确认发送"))
    calls = await joined.press(ORGANIZER, button(calls, "取消 #1"))
    assert "通知 #1 已取消：4 条消息不再发送。" in sent(calls)[0].text
    edits = [call for call in calls if isinstance(call, EditMessageText)]
    assert edits[0].text is not None
    assert "已取消" in edits[0].text
    assert "已停止 4" in edits[0].text
    assert await outbox(joined) == {Status.CANCELLED: 4}
    # Nothing is left to cancel: the button says so and changes nothing.
    again = await joined.press(
        ORGANIZER, BroadcastButton(action=BroadcastAction.CANCEL, id=1).pack()
    )
    assert any(isinstance(c, AnswerCallbackQuery) and c.show_alert for c in again)
    assert await outbox(joined) == {Status.CANCELLED: 4}


async def test_broadcasts_lists_the_latest_with_their_counts(joined: Telegram) -> None:
    assert "还没有通知" in await joined.ask(ORGANIZER, "/broadcasts")
    await joined.press(ORGANIZER, button(await to_preview(joined, "所有人"), "确认发送"))
    async with database(joined).unit_of_work() as uow:
        first, second, *_ = await uow.outbox.claim_due(joined.clock.now(), 10)
        await uow.outbox.finish(first.id, Status.SENT, joined.clock.now())
        await uow.outbox.finish(second.id, Status.UNREACHABLE, joined.clock.now())
        await uow.commit()
    calls = await joined.send(ORGANIZER, "/broadcasts")
    text = sent(calls)[0].text
    assert "<b>通知 #1</b> · 发送中" in text
    assert "所有人 · 9月26日周四 08:00：请各位09:00前到场" in text
    assert "已发送 1 · 待发送 2 · 被屏蔽 1 · 失败 0" in text
    assert set(buttons(calls)) == {"报告 #1", "取消 #1"}


async def test_report_refreshes_the_message_in_place(joined: Telegram) -> None:
    calls = await joined.press(ORGANIZER, button(await to_preview(joined, "评委"), "确认发送"))
    report = button(calls, "报告 #1")
    async with database(joined).unit_of_work() as uow:
        (delivery,) = await uow.outbox.claim_due(joined.clock.now(), 10)
        await uow.outbox.finish(delivery.id, Status.SENT, joined.clock.now())
        await uow.commit()
    calls = await joined.press(ORGANIZER, report, message_id=1234)
    edits = [call for call in calls if isinstance(call, EditMessageText)]
    assert len(edits) == 1
    assert edits[0].message_id == 1234
    assert edits[0].text is not None
    assert "已完成" in edits[0].text
    assert "已发送 1 · 待发送 0" in edits[0].text
    assert set(buttons(calls)) == {"报告 #1"}  # nothing left to cancel


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("   ", "empty"),
        ("好" * 4097, "4097"),
        ("<div>x</div>", "div"),
        ("<b>x</i>", "Unmatched"),
        ("<b>好</b> <a href='https://example.com'>链接</a>", None),
    ],
)
def test_announcement_texts_are_checked_as_telegram_would(text: str, problem: str | None) -> None:
    from handlers.broadcast.input import text_problem

    found = text_problem(text)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found.message.format(**found.params)


NOW = datetime(2024, 9, 26, 8, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8:30", datetime(2024, 9, 26, 8, 30, tzinfo=SHANGHAI)),
        (" 2024-09-27 07:05 ", datetime(2024, 9, 27, 7, 5, tzinfo=SHANGHAI)),
        ("２０２４-０９-２７ ０７：０５", datetime(2024, 9, 27, 7, 5, tzinfo=SHANGHAI)),
        ("08:00", None),  # now is not in the future
        ("25:00", None),
        ("2024-02-30 10:00", None),
        ("8.30", None),
    ],
)
def test_typed_times_are_in_the_contest_zone_and_in_the_future(
    text: str, expected: datetime | None
) -> None:
    from handlers.broadcast.input import moment

    found = moment(text, NOW, SHANGHAI)
    assert found == expected if expected else not isinstance(found, datetime)


async def test_an_announcement_telegram_refuses_ends_the_dialogue_with_the_reason(
    joined: Telegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiogram.exceptions import TelegramBadRequest

    record = joined.session.make_request

    async def refusing(bot: Any, method: Any, **kwargs: Any) -> Any:
        if getattr(method, "text", None) == "<a href='tg://nowhere'>这里</a>":
            raise TelegramBadRequest(method, "Bad Request: wrong HTTP URL")
        return await record(bot, method, **kwargs)

    monkeypatch.setattr(joined.session, "make_request", refusing)
    calls = await to_preview(joined, "评委", text="<a href='tg://nowhere'>这里</a>")
    assert "Telegram 拒绝了这条通知（Bad Request: wrong HTTP URL）" in sent(calls)[-1].text
    assert "理论考试" in await joined.ask(ORGANIZER, "今天有什么安排")  # the dialogue is over
