"""The fake Bot API: Telegram's methods, shapes and error format, served by aiohttp."""

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

from bot.sandbox.limits import RateLimiter
from bot.sandbox.rules import CAPTION_LIMIT, BadRequestError, check_keyboard, check_text
from bot.sandbox.state import BOT_USER, Chat, ChatMessage, SandboxState, StoredFile

Params = dict[str, Any]
Method = Callable[[SandboxState, Params], Awaitable[Any]]
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
SENDING = {"sendmessage", "sendphoto", "senddocument"}
NO_WEBHOOK = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}


def error(code: int, description: str, **extra: Any) -> web.Response:
    body = {"ok": False, "error_code": code, "description": description, **extra}
    return web.json_response(body, status=code)


async def read_params(request: web.Request) -> Params:
    """aiogram sends forms (multipart when uploading); JSON bodies are accepted too."""
    if request.content_type == "application/json":
        body: Params = await request.json()
        return body
    form = await request.post()
    params: Params = {}
    for key, value in form.items():
        if isinstance(value, FileField):
            params[key] = StoredFile(value.file.read(), value.filename, value.content_type)
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            params[key] = params.get(value.removeprefix("attach://"))
    return params


def telegram_message(chat: Chat, message: ChatMessage) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": message.message_id,
        "date": message.date,
        "chat": chat.as_telegram(),
        "from": BOT_USER if message.from_bot else chat.user,
    }
    if message.text is not None:
        body["text"] = message.text
    if message.caption is not None:
        body["caption"] = message.caption
    if message.reply_markup:
        body["reply_markup"] = message.reply_markup
    if message.photo:
        body["photo"] = [{"file_id": message.photo, "file_unique_id": message.photo,
                          "width": 1, "height": 1}]  # fmt: skip
    if message.document:
        file_id, name = message.document
        body["document"] = {"file_id": file_id, "file_unique_id": file_id, "file_name": name}
    if message.edited:
        body["edit_date"] = int(time.time())
    return body


def _chat(state: SandboxState, params: Params) -> Chat:
    chat = state.private_chat(int(params.get("chat_id", 0)))
    if chat is None:
        raise BadRequestError("chat not found")
    return chat


def _markup(params: Params) -> dict[str, Any] | None:
    markup = params.get("reply_markup")
    check_keyboard(markup)
    return markup if isinstance(markup, dict) and markup.get("inline_keyboard") else None


async def _deliver(state: SandboxState, chat: Chat, message: ChatMessage) -> dict[str, Any]:
    chat.messages[message.message_id] = message
    await state.changed(chat)
    return telegram_message(chat, message)


async def send_message(state: SandboxState, params: Params) -> Any:
    chat = _chat(state, params)
    text, mode = params.get("text"), params.get("parse_mode")
    check_text(text, mode)
    message = ChatMessage(state.next_message_id(), True, int(time.time()), text=text,
                          html=bool(mode), reply_markup=_markup(params))  # fmt: skip
    return await _deliver(state, chat, message)


async def send_file(state: SandboxState, params: Params, field: str) -> Any:
    chat = _chat(state, params)
    upload = params.get(field)
    if isinstance(upload, str):  # sent again by the file_id Telegram gave it
        file_id = upload
        upload = state.files.get(file_id)
        if upload is None:
            raise BadRequestError("wrong file identifier/HTTP URL specified")
    elif isinstance(upload, StoredFile):
        file_id = f"file{state.next_id()}"
        state.files[file_id] = upload
    else:
        raise BadRequestError(f"there is no {field} in the request")
    caption, mode = params.get("caption"), params.get("parse_mode")
    if caption:
        check_text(caption, mode, CAPTION_LIMIT)
    message = ChatMessage(state.next_message_id(), True, int(time.time()), caption=caption,
                          html=bool(mode), reply_markup=_markup(params))  # fmt: skip
    if field == "photo":
        message.photo = file_id
    else:
        message.document = (file_id, upload.name)
    return await _deliver(state, chat, message)


async def edit_message(state: SandboxState, params: Params, text_too: bool) -> Any:
    chat = _chat(state, params)
    message = chat.messages.get(int(params.get("message_id", 0)))
    if message is None:
        raise BadRequestError("message to edit not found")
    text = params.get("text") if text_too else message.text
    markup = _markup(params)
    if text_too:
        check_text(text, params.get("parse_mode"))
    if text == message.text and markup == message.reply_markup:
        raise BadRequestError(NOT_MODIFIED)
    message.text, message.reply_markup, message.edited = text, markup, True
    if text_too:
        message.html = bool(params.get("parse_mode"))
    return await _deliver(state, chat, message)


async def answer_callback(state: SandboxState, params: Params) -> Any:
    user_id = state.callbacks.pop(str(params.get("callback_query_id")), None)
    if user_id is None:
        raise BadRequestError(
            "query is too old and response timeout expired or query ID is invalid"
        )
    chat = state.chats[user_id]
    if params.get("text"):
        alert = {"id": int(state.next_id()), "text": params["text"],
                 "show_alert": bool(params.get("show_alert"))}  # fmt: skip
        chat.alerts.append(alert)
        await state.changed(chat)
    return True


async def delete_message(state: SandboxState, params: Params) -> Any:
    chat = _chat(state, params)
    if chat.messages.pop(int(params.get("message_id", 0)), None) is None:
        raise BadRequestError("message to delete not found")
    await state.changed(chat)
    return True


async def pin_message(state: SandboxState, params: Params) -> Any:
    chat = _chat(state, params)
    message_id = int(params.get("message_id", 0))
    if message_id not in chat.messages:
        raise BadRequestError("message to pin not found")
    chat.pinned = message_id
    await state.changed(chat)
    return True


def _scope_key(params: Params) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


async def set_commands(state: SandboxState, params: Params) -> Any:
    state.commands[_scope_key(params)] = list(params.get("commands") or [])
    return True


async def get_commands(state: SandboxState, params: Params) -> Any:
    return state.commands.get(_scope_key(params), [])


async def delete_commands(state: SandboxState, params: Params) -> Any:
    state.commands.pop(_scope_key(params), None)
    return True


async def get_updates(state: SandboxState, params: Params) -> Any:
    offset = int(params.get("offset") or 0)
    limit = min(int(params.get("limit") or 100), 100)
    return await state.take_updates(offset, limit, float(params.get("timeout") or 0))


async def _constant(value: Any) -> Any:
    return value


METHODS: dict[str, Method] = {
    "getme": lambda state, params: _constant(BOT_USER),
    "getupdates": get_updates,
    "sendmessage": send_message,
    "sendphoto": lambda state, params: send_file(state, params, "photo"),
    "senddocument": lambda state, params: send_file(state, params, "document"),
    "editmessagetext": lambda state, params: edit_message(state, params, text_too=True),
    "editmessagereplymarkup": lambda state, params: edit_message(state, params, text_too=False),
    "answercallbackquery": answer_callback,
    "deletemessage": delete_message,
    "pinchatmessage": pin_message,
    "setmycommands": set_commands,
    "getmycommands": get_commands,
    "deletemycommands": delete_commands,
    "sendchataction": lambda state, params: _constant(True),
    "deletewebhook": lambda state, params: _constant(True),
    "getwebhookinfo": lambda state, params: _constant(NO_WEBHOOK),
    "close": lambda state, params: _constant(True),
    "logout": lambda state, params: _constant(True),
}


def bot_api_routes(state: SandboxState, limiter: RateLimiter | None) -> list[web.AbstractRouteDef]:
    async def handle(request: web.Request) -> web.Response:
        name = request.match_info["method"]
        method = METHODS.get(name.lower())
        if method is None:
            return error(404, "Not Found")
        params = await read_params(request)
        if limiter is not None and name.lower() in SENDING:
            wait = limiter.acquire(int(params.get("chat_id") or 0))
            if wait:
                return error(429, f"Too Many Requests: retry after {wait}",
                             parameters={"retry_after": wait})  # fmt: skip
        try:
            result = await method(state, params)
        except BadRequestError as problem:
            return error(400, f"Bad Request: {problem}")
        return web.json_response({"ok": True, "result": result})

    return [web.post("/bot{token}/{method}", handle), web.get("/bot{token}/{method}", handle)]
