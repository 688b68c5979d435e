"""Edits through the outbox: a sent message's Telegram id is kept, an edit rewrites it."""

from datetime import UTC, datetime

from aiogram.methods import EditMessageText
from pydantic import SecretStr

from bot.app import create_bot
from bot.config import Settings
from bot.domain.outbox import Delivery, NewDelivery, Status
from bot.services.sender import Verdict
from bot.telegram.transport import BotTransport
from storage.database import Database
from tests.fakes.telegram import RecordingSession

NOW = datetime(2024, 9, 26, 5, 30, tzinfo=UTC)
CHAT = 5001


async def claim(database: Database) -> list[Delivery]:
    async with database.unit_of_work() as uow:
        claimed = await uow.outbox.claim_due(NOW, 10)
        await uow.commit()
    return claimed


async def finish(database: Database, delivery: Delivery, message_id: int) -> None:
    async with database.unit_of_work() as uow:
        await uow.outbox.finish(delivery.id, Status.SENT, NOW, message_id=message_id)
        await uow.commit()


async def enqueue(database: Database, delivery: NewDelivery) -> None:
    async with database.unit_of_work() as uow:
        await uow.outbox.enqueue([delivery], NOW)
        await uow.commit()


async def test_a_sent_message_keeps_its_telegram_id(database: Database) -> None:
    await enqueue(database, NewDelivery("turn:1", CHAT, "你们是下一支"))
    (original,) = await claim(database)
    await finish(database, original, 777)
    async with database.unit_of_work() as uow:
        (copy,) = await uow.outbox.copies(["turn:1"])
    assert (copy.status, copy.message_id) == (Status.SENT, 777)


async def test_an_edit_queued_while_its_message_was_in_flight_learns_its_id(
    database: Database,
) -> None:
    await enqueue(database, NewDelivery("turn:1", CHAT, "你们是下一支"))
    (original,) = await claim(database)  # on its way, no id yet
    await enqueue(database, NewDelivery("turn:1:ack", CHAT, "已确认", edits=original.id))
    await finish(database, original, 777)
    (edit,) = await claim(database)
    assert (edit.edits, edit.message_id) == (original.id, 777)


async def test_a_pending_copy_is_rewritten_in_place(database: Database) -> None:
    await enqueue(
        database, NewDelivery("turn:1", CHAT, "你们是下一支", buttons=((("收到", "ack:1"),),))
    )
    async with database.unit_of_work() as uow:
        (copy,) = await uow.outbox.copies(["turn:1"])
        assert await uow.outbox.rewrite_pending(copy.id, "已确认", ())
        await uow.commit()
    (sent,) = await claim(database)
    assert (sent.text, sent.buttons) == ("已确认", ())


async def test_the_transport_edits_the_message_and_drops_its_keyboard() -> None:
    session = RecordingSession()
    bot = create_bot(Settings(bot_token=SecretStr("42:TEST")), session)
    edit = Delivery(1, "turn:1:ack", CHAT, "已确认", 10, Status.SENDING, 1, NOW, edits=9,
                    message_id=777)  # fmt: skip
    result = await BotTransport(bot).send(edit)
    (call,) = session.calls
    assert isinstance(call, EditMessageText)
    assert (call.chat_id, call.message_id, call.reply_markup) == (CHAT, 777, None)
    assert (result.verdict, result.message_id) == (Verdict.SENT, 777)


async def test_an_edit_whose_message_is_not_sent_yet_waits() -> None:
    session = RecordingSession()
    bot = create_bot(Settings(bot_token=SecretStr("42:TEST")), session)
    edit = Delivery(1, "turn:1:ack", CHAT, "已确认", 10, Status.SENDING, 1, NOW, edits=9)
    assert (await BotTransport(bot).send(edit)).verdict is Verdict.TRANSIENT
    assert session.calls == []
