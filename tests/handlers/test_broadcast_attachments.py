"""An announcement may be a photo or a document, with the text as its caption."""

from typing import Any

from aiogram.methods import SendDocument, SendPhoto, TelegramMethod
from aiogram.types import Document, PhotoSize

from bot.domain.outbox import Attachment, AttachmentKind
from tests.handlers.broadcasting import button, database, sent
from tests.handlers.conftest import ORGANIZER, Telegram

SIZES = [
    PhotoSize(file_id="small", file_unique_id="s", width=90, height=60),
    PhotoSize(file_id="large", file_unique_id="l", width=1280, height=853),
]
PLAN = Document(file_id="BQAC-plan", file_unique_id="p", file_name="场地图.pdf")


async def photo_to_preview(telegram: Telegram, caption: str | None) -> list[TelegramMethod[Any]]:
    await telegram.send(ORGANIZER, "/broadcast")
    calls = await telegram.send(ORGANIZER, None, photo=SIZES, caption=caption)
    calls = await telegram.press(ORGANIZER, button(calls, "跳过"))
    calls = await telegram.press(ORGANIZER, button(calls, "评委"))
    return await telegram.press(ORGANIZER, button(calls, "立即发送"))


async def test_the_preview_shows_the_largest_photo_with_its_caption(joined: Telegram) -> None:
    calls = await photo_to_preview(joined, "评分表见图")
    photos = [call for call in calls if isinstance(call, SendPhoto)]
    assert [(p.photo, p.caption) for p in photos] == [("large", "评分表见图")]


async def test_every_recipient_gets_the_photo(joined: Telegram) -> None:
    calls = await photo_to_preview(joined, "评分表见图")
    await joined.press(ORGANIZER, button(calls, "确认发送"))
    async with database(joined).unit_of_work() as uow:
        due = await uow.outbox.claim_due(joined.clock.now(), 10)
    photo = Attachment(AttachmentKind.PHOTO, "large")
    assert [(d.attachment, d.text) for d in due] == [(photo, "评分表见图")]


async def test_a_photo_needs_no_caption(joined: Telegram) -> None:
    calls = await photo_to_preview(joined, None)
    assert [type(call) for call in calls if isinstance(call, SendPhoto)] == [SendPhoto]


async def test_a_document_is_accepted_too(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/broadcast")
    await joined.send(ORGANIZER, None, document=PLAN, caption="场地图")
    calls = await joined.press(
        ORGANIZER, button(await joined.send(ORGANIZER, "Floor plan"), "评委")
    )
    calls = await joined.press(ORGANIZER, button(calls, "立即发送"))
    documents = [call for call in calls if isinstance(call, SendDocument)]
    assert [(d.document, d.caption) for d in documents] == [
        ("BQAC-plan", "场地图"),
        ("BQAC-plan", "Floor plan"),
    ]


async def test_a_caption_over_1024_characters_is_asked_for_again(joined: Telegram) -> None:
    await joined.send(ORGANIZER, "/broadcast")
    calls = await joined.send(ORGANIZER, None, photo=SIZES, caption="长" * 1025)
    assert "最多允许 1024 个" in sent(calls)[0].text


async def test_a_photo_outside_the_dialogue_gets_the_usual_answer(joined: Telegram) -> None:
    calls = await joined.send(ORGANIZER, None, photo=SIZES)
    assert "我只能读文字" in sent(calls)[0].text
