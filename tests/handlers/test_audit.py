"""/audit: the notary reads the trail and its check in the bot; others cannot."""

from sqlalchemy import text

from bot.domain.audit import AuditAction
from bot.domain.enums import Locale
from bot.texts.audit import ACTIONS, FIELD, FIELDS, HEAD, HEAD_DIGITS
from bot.texts.texts import Texts
from handlers.audit.callbacks import AuditPage
from tests.handlers.broadcasting import button, database, is_alert, sent, to_preview
from tests.handlers.conftest import CONTESTANT, ORGANIZER, SHANGHAI, Telegram

AUDITOR = 4100
CHINESE = Texts(Locale.ZH_HANS, SHANGHAI)


async def test_the_notary_sees_the_latest_entries_and_that_the_chain_holds(
    joined: Telegram,
) -> None:
    await joined.press(ORGANIZER, button(await to_preview(joined, "评委"), "确认发送"))
    await joined.join(AUDITOR, "AUD1")
    reply = sent(await joined.send(AUDITOR, "/audit"))[0].text
    assert reply.startswith("✅ 共 1 条记录，链接完整。")
    assert f"<b>ORG1</b> {CHINESE(ACTIONS[AuditAction.BROADCAST_SENT])} broadcast:1" in reply


async def test_the_reply_shows_the_head_hash_to_write_down(joined: Telegram) -> None:
    await joined.press(ORGANIZER, button(await to_preview(joined, "评委"), "确认发送"))
    async with database(joined).unit_of_work() as uow:
        head = (await uow.audit.entries())[-1]
    await joined.join(AUDITOR, "AUD1")
    reply = sent(await joined.send(AUDITOR, "/audit"))[0].text
    assert CHINESE(HEAD, sequence=head.sequence, hash=head.hash[:HEAD_DIGITS]) in reply


async def test_actions_and_audiences_are_named_in_the_readers_language(joined: Telegram) -> None:
    await joined.press(
        ORGANIZER, button(await to_preview(joined, "12345政务服务热线领队"), "确认发送")
    )
    await joined.join(AUDITOR, "AUD1")
    reply = sent(await joined.send(AUDITOR, "/audit"))[0].text
    audience = CHINESE(FIELD, field=CHINESE(FIELDS["audience"]), value="12345政务服务热线领队")
    assert audience in reply
    assert "broadcast_sent" not in reply
    assert "leaders:" not in reply


async def test_a_changed_entry_is_flagged_in_the_bot_too(joined: Telegram) -> None:
    await joined.press(ORGANIZER, button(await to_preview(joined, "评委"), "确认发送"))
    async with database(joined).engine.begin() as connection:
        await connection.execute(text("UPDATE audit_log SET actor = 'ORG2'"))
    await joined.join(AUDITOR, "AUD1")
    reply = sent(await joined.send(AUDITOR, "/audit"))[0].text
    assert reply.startswith("⚠️ 在第 1 条记录处断裂")


async def test_a_contestant_cannot_read_the_trail(joined: Telegram) -> None:
    assert "/audit" in sent(await joined.send(CONTESTANT, "/audit"))[0].text
    assert is_alert(await joined.press(CONTESTANT, AuditPage(below=5).pack()))
