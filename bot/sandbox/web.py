"""The web chat's side of the sandbox: people to chat as, sending, pressing, and the chat feed."""

import time
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.domain.enums import Locale
from bot.sandbox.bot_api import telegram_message
from bot.sandbox.people import sandbox_people
from bot.sandbox.rehearsal import ClockNote
from bot.sandbox.state import Chat, ChatMessage, SandboxState
from bot.services.contest_cache import ContestCache
from storage.database import Database

FEED_TIMEOUT = 25.0
MAX_TEXT = 4096


def static_dir() -> Path:
    return Path(str(resources.files("bot.sandbox").joinpath("static")))


def web_routes(
    state: SandboxState, database: Database, contests: ContestCache, note: ClockNote | None = None
) -> list[web.AbstractRouteDef]:
    clock = {"zh": note.text(Locale.ZH_HANS), "en": note.text(Locale.EN)} if note else None

    async def people(request: web.Request) -> web.Response:
        async with database.unit_of_work() as uow:
            snapshot = await contests.get(uow)
        contest = {"name": snapshot.data.contest.name if snapshot else ""}
        return web.json_response(
            {"people": sandbox_people(snapshot), "contest": contest, "clock": clock}
        )

    async def user_chat(user_id: int) -> Chat:
        async with database.unit_of_work() as uow:
            known = {p["user_id"]: p for p in sandbox_people(await contests.get(uow))}
        person = known.get(user_id)
        if person is None:
            raise web.HTTPNotFound(text="no such person in the sandbox")
        user = {"id": user_id, "is_bot": False, "first_name": person["name"]}
        return state.chat(user | {"language_code": "zh-hans"})

    async def send(request: web.Request) -> web.Response:
        body = await request.json()
        chat = await user_chat(int(body["user_id"]))
        text = str(body.get("text", ""))[:MAX_TEXT]
        if not text.strip():
            raise web.HTTPBadRequest(text="empty message")
        message = ChatMessage(state.next_message_id(), False, int(time.time()), text=text)
        chat.messages[message.message_id] = message
        await state.changed(chat)
        update = {"message": telegram_message(chat, message)}
        if text.startswith("/"):
            length = len(text.split(" ", 1)[0])
            update["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        await state.push_update(update)
        return web.json_response({"ok": True})

    async def press(request: web.Request) -> web.Response:
        body = await request.json()
        chat = await user_chat(int(body["user_id"]))
        message = chat.messages.get(int(body["message_id"]))
        if message is None or not message.from_bot:
            raise web.HTTPNotFound(text="no such message")
        query_id = state.next_id()
        state.callbacks[query_id] = chat.id
        query = {
            "id": query_id,
            "from": chat.user,
            "chat_instance": str(chat.id),
            "message": telegram_message(chat, message),
            "data": str(body.get("data", "")),
        }
        await state.push_update({"callback_query": query})
        return web.json_response({"ok": True})

    async def feed(request: web.Request) -> web.Response:
        chat = await user_chat(int(request.query["user_id"]))
        await state.wait_for_chat(chat, int(request.query.get("after", -1)), FEED_TIMEOUT)
        return web.json_response(
            {"version": chat.version, "messages": [_view(m) for m in chat.messages.values()],
             "alerts": chat.alerts}
        )  # fmt: skip

    async def file(request: web.Request) -> web.Response:
        stored = state.files.get(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        headers = {"Content-Disposition": f'inline; filename="{stored.name}"'}
        return web.Response(body=stored.content, content_type=stored.content_type, headers=headers)

    async def index(request: web.Request) -> web.FileResponse:
        return web.FileResponse(static_dir() / "index.html")

    routes: list[web.AbstractRouteDef] = [
        web.get("/", index),
        web.get("/api/people", people),
        web.post("/api/send", send),
        web.post("/api/press", press),
        web.get("/api/chat", feed),
        web.get("/files/{file_id}", file),
        web.static("/static", static_dir()),
    ]
    return routes


def _view(message: ChatMessage) -> dict[str, Any]:
    return {
        "message_id": message.message_id,
        "from": "bot" if message.from_bot else "user",
        "text": message.text,
        "html": message.html,
        "reply_markup": message.reply_markup,
        "photo": f"/files/{message.photo}" if message.photo else None,
        "document": (
            {"url": f"/files/{message.document[0]}", "name": message.document[1]}
            if message.document
            else None
        ),
        "caption": message.caption,
        "edited": message.edited,
        "date": message.date,
    }
