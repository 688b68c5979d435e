"""A team's group chat: linked by /teamchat, pinned announcements, unlinked when the bot leaves."""

from aiogram.methods import PinChatMessage, SendMessage
from aiogram.types import Chat, Sticker

from bot.domain.groups import TeamChat
from bot.telegram.transport import BotTransport
from tests.handlers.broadcasting import button, database, sent, to_preview
from tests.handlers.conftest import CONTESTANT, LEADER, ORGANIZER, Telegram

STICKER = Sticker(
    file_id="st", file_unique_id="st", type="regular", width=512, height=512,
    is_animated=False, is_video=False,
)  # fmt: skip
H01_GROUP = Chat(id=-1001, type="supergroup", title="锦州一队")


async def linked(telegram: Telegram) -> TeamChat | None:
    async with database(telegram).unit_of_work() as uow:
        return await uow.team_chats.get(H01_GROUP.id)


async def test_a_leader_links_the_group_to_their_own_team(joined: Telegram) -> None:
    calls = await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    assert "本群已关联 H01 队" in sent(calls)[0].text
    assert await linked(joined) == TeamChat(H01_GROUP.id, "H01", "锦州一队")


async def test_an_organizer_names_the_team_in_any_case(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/teamchat h01", chat=H01_GROUP)
    found = await linked(joined)
    assert found is not None
    assert found.team_code == "H01"


async def test_an_organizer_must_name_a_team(joined: Telegram) -> None:
    calls = await joined.send(ORGANIZER, "/teamchat", chat=H01_GROUP)
    assert "哪支队伍" in sent(calls)[0].text
    assert await linked(joined) is None


async def test_a_contestant_cannot_link_another_team(joined: Telegram) -> None:
    calls = await joined.send(CONTESTANT, "/teamchat H01", chat=H01_GROUP)  # they are in H07
    assert "只有组织者和 H01 队成员" in sent(calls)[0].text
    assert await linked(joined) is None


async def test_a_member_of_another_team_cannot_take_a_linked_group(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    calls = await joined.send(CONTESTANT, "/teamchat", chat=H01_GROUP)  # of H07, for H07
    assert "本群已关联 H01 队：只有该队成员和组织者" in sent(calls)[0].text
    assert await linked(joined) == TeamChat(H01_GROUP.id, "H01", "锦州一队")


async def test_a_member_of_another_team_cannot_unlink_it(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    calls = await joined.send(CONTESTANT, "/teamchat off", chat=H01_GROUP)
    assert "只有组织者和 H01 队成员" in sent(calls)[0].text
    assert await linked(joined) is not None


async def test_an_organizer_moves_the_group_and_it_is_told_both_teams(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    [answer] = sent(await joined.send(ORGANIZER, "/teamchat H07", chat=H01_GROUP))
    assert "本群已关联 H07 队，不再关联 H01 队" in answer.text
    assert answer.chat_id == H01_GROUP.id
    found = await linked(joined)
    assert found is not None
    assert found.team_code == "H07"


async def test_linking_the_same_team_again_is_no_move(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    [answer] = sent(await joined.send(ORGANIZER, "/teamchat H01", chat=H01_GROUP))
    assert "本群已关联 H01 队。" in answer.text
    assert "不再关联" not in answer.text


async def test_an_unknown_team_is_named_in_the_answer(joined: Telegram) -> None:
    calls = await joined.send(ORGANIZER, "/teamchat X99", chat=H01_GROUP)
    assert "没有 X99 这支队伍" in sent(calls)[0].text


async def test_in_a_private_chat_it_explains_where_to_send_it(joined: Telegram) -> None:
    calls = await joined.send(LEADER, "/teamchat")
    assert "拉进你们队的群聊" in sent(calls)[0].text


async def test_off_unlinks_and_a_second_off_says_there_is_nothing(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    assert (
        "不再关联 H01" in sent(await joined.send(LEADER, "/teamchat off", chat=H01_GROUP))[0].text
    )
    assert "尚未关联" in sent(await joined.send(LEADER, "/teamchat off", chat=H01_GROUP))[0].text


async def test_removing_the_bot_from_the_group_unlinks_it(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    assert await joined.bot_status(LEADER, H01_GROUP, "kicked") == []
    assert await linked(joined) is None


async def test_chatter_in_a_group_gets_no_answer(joined: Telegram) -> None:
    assert await joined.send(LEADER, "明天几点集合？", chat=H01_GROUP) == []
    assert await joined.send(LEADER, None, chat=H01_GROUP, sticker=STICKER) == []


async def test_confirm_and_pin_posts_to_the_teams_group_and_pins_it(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    preview = await to_preview(joined, "所有人")
    assert "1 支队伍有和我关联的群聊" in sent(preview)[-1].text
    await joined.press(ORGANIZER, button(preview, "确认并在 1 个队伍群置顶"))
    async with database(joined).unit_of_work() as uow:
        due = await uow.outbox.claim_due(joined.clock.now(), 10)
    assert [(d.chat_id, d.pin) for d in due if d.chat_id < 0] == [(H01_GROUP.id, True)]


async def test_a_group_delivery_is_pinned_when_sent(joined: Telegram) -> None:
    await joined.send(LEADER, "/teamchat", chat=H01_GROUP)
    await joined.press(ORGANIZER, button(await to_preview(joined, "所有人"), "确认并在"))
    async with database(joined).unit_of_work() as uow:
        due = [d for d in await uow.outbox.claim_due(joined.clock.now(), 10) if d.chat_id < 0]
    before = len(joined.session.calls)
    await BotTransport(joined.bot).send(due[0])
    calls = joined.session.calls[before:]
    assert [type(call) for call in calls] == [SendMessage, PinChatMessage]
