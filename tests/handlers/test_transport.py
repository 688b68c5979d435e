"""The outbox's way out: text, photo or document, and a pin where asked for."""

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.methods import PinChatMessage, SendDocument, SendMessage, SendPhoto
from aiogram.types import BufferedInputFile

from bot.domain.outbox import Attachment, AttachmentKind, Delivery, Status, media_attachment
from bot.services.sender import Verdict
from bot.telegram.transport import BotTransport
from tests.fakes.telegram import RecordingSession

NOW = datetime(2024, 9, 26, 1, 0, tzinfo=UTC)


def delivery(chat_id: int = 501, **changes: Any) -> Delivery:
    return Delivery(1, "broadcast:1", chat_id, "<b>通知</b>", 30, Status.SENDING, 1, NOW, **changes)


async def send(item: Delivery, session: RecordingSession | None = None) -> tuple[Any, list[Any]]:
    session = session or RecordingSession()
    result = await BotTransport(Bot("1:TEST", session=session)).send(item)
    return result, session.calls


async def test_a_text_delivery_is_one_message() -> None:
    result, calls = await send(delivery())
    assert result.verdict is Verdict.SENT
    assert [type(call) for call in calls] == [SendMessage]


async def test_a_photo_goes_by_file_id_with_the_text_as_caption() -> None:
    photo = Attachment(AttachmentKind.PHOTO, "AgACAgUAAxk")
    _, calls = await send(delivery(attachment=photo))
    assert [(type(c), c.photo, c.caption) for c in calls] == [
        (SendPhoto, "AgACAgUAAxk", "<b>通知</b>")
    ]


async def test_a_document_without_text_has_no_caption() -> None:
    document = Attachment(AttachmentKind.DOCUMENT, "BQACAgUAAxk")
    _, calls = await send(replace(delivery(attachment=document), text=""))
    assert [(type(c), c.document, c.caption) for c in calls] == [
        (SendDocument, "BQACAgUAAxk", None)
    ]


async def test_a_pinned_delivery_pins_the_message_it_sent() -> None:
    result, calls = await send(delivery(chat_id=-100101, pin=True))
    sent, pinned = calls
    assert isinstance(sent, SendMessage)
    assert isinstance(pinned, PinChatMessage)
    assert (pinned.chat_id, result.verdict) == (-100101, Verdict.SENT)


async def test_a_group_that_refuses_the_pin_still_counts_as_sent_with_the_reason() -> None:
    group = RecordingSession()
    group.refuse(PinChatMessage, "Bad Request: not enough rights to pin a message")
    result, calls = await send(delivery(chat_id=-100101, pin=True), group)
    assert result.verdict is Verdict.SENT
    assert "not enough rights" in result.reason
    assert [type(call) for call in calls] == [SendMessage]


async def test_buttons_travel_with_the_message() -> None:
    _, calls = await send(delivery(buttons=((("收到", "ack:7"),),)))
    (message,) = calls
    assert message.reply_markup.inline_keyboard[0][0].callback_data == "ack:7"


class Pictures:
    """One stored picture: its bytes until Telegram gives it an id."""

    def __init__(self) -> None:
        self.file_id: str | None = None

    async def file(self, media: int) -> Any:
        return self.file_id or BufferedInputFile(b"\x89PNG", "standings.png")

    async def remember(self, media: int, file_id: str) -> None:
        self.file_id = file_id


async def test_a_made_picture_is_uploaded_once_then_sent_by_its_id() -> None:
    session, pictures = RecordingSession(), Pictures()
    transport = BotTransport(Bot("1:TEST", session=session), pictures)
    for chat in (501, 502):
        await transport.send(delivery(chat, attachment=media_attachment(3)))
    first, second = session.calls
    assert isinstance(first, SendPhoto)
    assert isinstance(second, SendPhoto)
    assert isinstance(first.photo, BufferedInputFile)
    assert second.photo == pictures.file_id is not None


async def test_a_missing_picture_fails_the_delivery() -> None:
    class Empty(Pictures):
        async def file(self, media: int) -> Any:
            return None

    result = await BotTransport(Bot("1:TEST", session=RecordingSession()), Empty()).send(
        delivery(attachment=media_attachment(9))
    )
    assert result.verdict is Verdict.REJECTED
