"""The fake Bot API answers aiogram's real client the way Telegram would."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.sandbox.bot_api import bot_api_routes
from bot.sandbox.limits import RateLimiter
from bot.sandbox.state import SandboxState

USER: dict[str, Any] = {"id": 7, "is_bot": False, "first_name": "测试"}


async def _serve(limiter: RateLimiter | None) -> AsyncIterator[tuple[Bot, SandboxState, str]]:
    state = SandboxState()
    state.chat(USER)
    app = web.Application()
    app.add_routes(bot_api_routes(state, limiter))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    base = f"http://127.0.0.1:{server.port}"
    bot = Bot("1:TEST", session=AiohttpSession(api=TelegramAPIServer.from_base(base)))
    yield bot, state, base
    await bot.session.close()
    await server.close()


@pytest.fixture
async def api() -> AsyncIterator[tuple[Bot, SandboxState, str]]:
    async for served in _serve(None):
        yield served


@pytest.fixture
async def limited_api() -> AsyncIterator[tuple[Bot, SandboxState, str]]:
    async for served in _serve(RateLimiter()):
        yield served


async def test_get_me_names_the_sandbox_bot(api: tuple[Bot, SandboxState, str]) -> None:
    bot, _, _ = api
    assert (await bot.get_me()).username == "contest_sandbox_bot"


async def test_a_sent_message_lands_in_the_chat(api: tuple[Bot, SandboxState, str]) -> None:
    bot, state, _ = api
    sent = await bot.send_message(7, "<b>你好</b>", parse_mode="HTML")
    assert sent.text == "<b>你好</b>"
    assert state.chats[7].messages[sent.message_id].html is True


@pytest.mark.parametrize(
    ("text", "reason"),
    [("<div>x</div>", "Unsupported start tag"), ("<b>x", "Can't find end tag"), ("  ", "empty")],
)
async def test_bad_html_or_empty_text_is_refused_like_telegram(
    api: tuple[Bot, SandboxState, str], text: str, reason: str
) -> None:
    bot, _, _ = api
    with pytest.raises(TelegramBadRequest, match=reason):
        await bot.send_message(7, text, parse_mode="HTML")


async def test_an_edit_without_change_is_not_modified(api: tuple[Bot, SandboxState, str]) -> None:
    bot, _, _ = api
    sent = await bot.send_message(7, "同样")
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("同样", chat_id=7, message_id=sent.message_id)


async def test_an_edit_changes_text_and_buttons_in_place(
    api: tuple[Bot, SandboxState, str],
) -> None:
    bot, state, _ = api
    sent = await bot.send_message(7, "第一页")
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="下一页", callback_data="sp:1")]]
    )
    await bot.edit_message_text(
        "第二页", chat_id=7, message_id=sent.message_id, reply_markup=markup
    )
    stored = state.chats[7].messages[sent.message_id]
    assert (stored.text, stored.edited) == ("第二页", True)
    assert stored.reply_markup is not None


async def test_a_document_is_stored_and_served(api: tuple[Bot, SandboxState, str]) -> None:
    bot, state, _ = api
    sent = await bot.send_document(7, BufferedInputFile(b"hello", filename="a.txt"))
    assert sent.document is not None
    file_id = sent.document.file_id
    assert state.files[file_id].content == b"hello"


async def test_a_file_sent_again_by_its_file_id_is_the_same_file(
    api: tuple[Bot, SandboxState, str],
) -> None:
    bot, state, _ = api
    first = await bot.send_photo(7, BufferedInputFile(b"\x89PNG", "map.png"))
    assert first.photo is not None
    again = await bot.send_photo(
        7, first.photo[-1].file_id, caption="<b>地图</b>", parse_mode="HTML"
    )
    assert state.chats[7].messages[again.message_id].photo == first.photo[-1].file_id
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_document(7, "no-such-file")


async def test_a_message_can_be_pinned_and_a_missing_one_cannot(
    api: tuple[Bot, SandboxState, str],
) -> None:
    bot, state, _ = api
    sent = await bot.send_message(7, "置顶")
    assert await bot.pin_chat_message(7, sent.message_id)
    assert state.chats[7].pinned == sent.message_id
    with pytest.raises(TelegramBadRequest, match="message to pin not found"):
        await bot.pin_chat_message(7, 999)


async def test_an_unknown_method_is_not_found(api: tuple[Bot, SandboxState, str]) -> None:
    import aiohttp

    _, _, base = api
    async with aiohttp.ClientSession() as http, http.post(f"{base}/bot1:TEST/fly") as response:
        body = await response.json()
    assert body == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_get_updates_waits_for_an_update_and_confirms_by_offset(
    api: tuple[Bot, SandboxState, str],
) -> None:
    bot, state, _ = api
    waiting = asyncio.create_task(bot.get_updates(offset=0, timeout=5))
    await asyncio.sleep(0.05)
    await state.push_update({"message": {"message_id": 1, "date": 0, "chat": {"id": 7, "type":
                             "private"}, "from": USER, "text": "hi"}})  # fmt: skip
    updates = await waiting
    assert [u.message.text for u in updates if u.message] == ["hi"]
    assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0) == []


async def test_the_rate_limit_answers_429_with_retry_after(
    limited_api: tuple[Bot, SandboxState, str],
) -> None:
    bot, _, _ = limited_api
    await bot.send_message(7, "一")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(7, "二")
    assert caught.value.retry_after >= 1


def test_the_limiter_allows_thirty_a_second_and_one_per_chat() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.acquire(chat) for chat in range(30)] == [0] * 30
    assert limiter.acquire(30) > 0
    now[0] = 1.0
    assert limiter.acquire(0) == 0
    assert limiter.acquire(0) == 1


async def test_an_unopened_private_chat_is_opened_by_the_first_message(
    api: tuple[Bot, SandboxState, str],
) -> None:
    bot, state, _ = api
    sent = await bot.send_message(8, "你好")
    assert state.chats[8].messages[sent.message_id].text == "你好"


async def test_a_group_that_does_not_exist_is_still_not_found(
    api: tuple[Bot, SandboxState, str],
) -> None:
    bot, _, _ = api
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(-100123, "你好")
