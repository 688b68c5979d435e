"""A fake Telegram for running several bot processes at once: the Bot API methods the bot calls,
Telegram's sending limits with real 429s, a record of every message delivered, and updates
POSTed to the webhook through a round-robin balancer, some of them twice.

Limits are sliding windows, as strict as Telegram at its strictest: at most 30 messages in any
1 s, 1 per chat in any 1 s, 20 per group in any 60 s. A token bucket would let a burst of 60
through in the first second after a pause, which Telegram does not promise.
"""

import asyncio
import itertools
import json
import math
import random
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from bot.sandbox.bot_api import Params, error, read_params
from bot.sandbox.state import BOT_USER

SENDING = {"sendmessage", "sendphoto", "senddocument"}
EDITING = {"editmessagetext", "editmessagereplymarkup", "editmessagecaption"}
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True, slots=True)
class Window:
    count: int
    seconds: float


OVERALL = Window(30, 1.0)
PER_CHAT = Window(1, 1.0)
PER_GROUP = Window(20, 60.0)


class SlidingLimits:
    """`acquire` returns 0 when a message may go now, else the whole seconds to wait."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._overall: deque[float] = deque()
        self._chats: dict[int, deque[float]] = {}

    def acquire(self, chat_id: int) -> int:
        now = self._clock()
        chat_window = PER_GROUP if chat_id < 0 else PER_CHAT
        chat = self._chats.setdefault(chat_id, deque())
        wait = max(_wait(self._overall, OVERALL, now), _wait(chat, chat_window, now))
        if wait > 0:
            return max(1, math.ceil(wait))
        self._overall.append(now)
        chat.append(now)
        return 0


def _wait(times: deque[float], window: Window, now: float) -> float:
    while times and times[0] <= now - window.seconds:
        times.popleft()
    return times[0] + window.seconds - now if len(times) >= window.count else 0.0


@dataclass(frozen=True, slots=True)
class Sent:
    """A message Telegram accepted: sent, or edited into a chat."""

    chat_id: int
    method: str
    text: str
    at: float  # time.monotonic()
    update_id: int | None  # the update last delivered to that chat while a wave was open


@dataclass
class Webhook:
    url: str = ""
    secret: str = ""
    calls: int = 0


@dataclass
class Deliveries:
    """What the balancer did with updates: how each webhook instance answered."""

    posted: Counter[int] = field(default_factory=Counter)  # update_id -> POSTs made
    statuses: Counter[int] = field(default_factory=Counter)
    failures: int = 0


class FakeTelegram:
    def __init__(self, backends: Iterable[str] = (), duplicate_share: float = 0.1) -> None:
        self.limits = SlidingLimits()
        self.sent: list[Sent] = []
        self.attempts: list[float] = []  # every sending call, accepted or refused
        self.refusals = 0
        self.answered_in_response = 0  # method calls returned in webhook responses
        self.unknown_methods: Counter[str] = Counter()
        self.webhook = Webhook()
        self.deliveries = Deliveries()
        self.backends = list(backends)
        self._duplicate_share = duplicate_share
        self._random = random.Random(17)
        self._turn = itertools.count()
        self._message_ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        self._current: dict[int, int] = {}  # chat -> update being answered
        self._posts: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None
        self._runner: web.AppRunner | None = None

    async def start(self, host: str = "127.0.0.1") -> str:
        """Serves the Bot API; returns its base URL (TELEGRAM_API_URL)."""
        app = web.Application(client_max_size=20 * 2**20)
        app.add_routes([web.post("/bot{token}/{method}", self._handle),
                        web.get("/bot{token}/{method}", self._handle)])  # fmt: skip
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, 0)
        await site.start()
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://{host}:{port}"

    async def stop(self) -> None:
        await self.settle()
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- updates, through the balancer -------------------------------------------------------

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def deliver(self, update: dict[str, Any], chat_id: int) -> bool:
        """POSTs the update to the next instance; some, again to the one after it, a moment
        later (as Telegram does when it missed the answer). Returns whether it went twice."""
        self._current[chat_id] = int(update["update_id"])
        turn = next(self._turn)
        twice = len(self.backends) > 1 and self._random.random() < self._duplicate_share
        self._post(update, turn, 0.0)
        if twice:
            self._post(update, turn + 1, self._random.uniform(0.0, 0.3))
        return twice

    def end_wave(self) -> None:
        """Messages from now on answer no update (until the next is delivered)."""
        self._current.clear()

    async def settle(self) -> None:
        while self._posts:
            await asyncio.gather(*self._posts, return_exceptions=True)

    def _post(self, update: dict[str, Any], turn: int, delay: float) -> None:
        task = asyncio.create_task(self._post_later(update, turn, delay))
        self._posts.add(task)
        task.add_done_callback(self._posts.discard)

    async def _post_later(self, update: dict[str, Any], turn: int, delay: float) -> None:
        await asyncio.sleep(delay)
        assert self._session is not None, "start() first"
        backend = self.backends[turn % len(self.backends)]
        url = backend + (urlsplit(self.webhook.url).path or "/")
        self.deliveries.posted[int(update["update_id"])] += 1
        try:
            headers = {SECRET_HEADER: self.webhook.secret}
            async with self._session.post(url, json=update, headers=headers) as response:
                self.deliveries.statuses[response.status] += 1
                if response.content_type.startswith("multipart/"):
                    await self._answer_in_response(response)
        except aiohttp.ClientError:
            self.deliveries.failures += 1

    # --- the Bot API -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        return await self._call(request.match_info["method"].lower(), await read_params(request))

    async def _call(self, name: str, params: Params) -> web.Response:
        if name in SENDING:
            self.attempts.append(time.monotonic())
            if wait := self.limits.acquire(_chat_id(params)):
                self.refusals += 1
                return error(429, f"Too Many Requests: retry after {wait}",
                             parameters={"retry_after": wait})  # fmt: skip
        method = self._methods().get(name)
        if method is None:
            self.unknown_methods[name] += 1
            return web.json_response({"ok": True, "result": True})
        return web.json_response({"ok": True, "result": await method(params)})

    async def _answer_in_response(self, response: aiohttp.ClientResponse) -> None:
        """A webhook may answer with one method call in its response body, as a form; Telegram
        runs it (and tells nobody if it fails)."""
        params: Params = {}
        reader = aiohttp.MultipartReader.from_response(response)
        while (part := await reader.next()) is not None:
            if isinstance(part, aiohttp.BodyPartReader) and part.name:
                value = await part.text()
                try:
                    params[part.name] = json.loads(value)
                except ValueError:
                    params[part.name] = value
        if name := str(params.pop("method", "")).lower():
            self.answered_in_response += 1
            await self._call(name, params)

    def _methods(self) -> dict[str, Callable[[Params], Awaitable[Any]]]:
        constant = _constant
        return {
            "getme": lambda params: constant(BOT_USER),
            "setwebhook": self._set_webhook,
            "deletewebhook": lambda params: constant(True),
            "getwebhookinfo": self._webhook_info,
            "getupdates": _no_updates,
            "sendmessage": lambda params: self._record(params, "sendmessage", "text"),
            "sendphoto": lambda params: self._record(params, "sendphoto", "caption"),
            "senddocument": lambda params: self._record(params, "senddocument", "caption"),
            "editmessagetext": lambda params: self._record(params, "editmessagetext", "text"),
            "editmessagereplymarkup": lambda params: self._record(params, "editmarkup", ""),
            "editmessagecaption": lambda params: self._record(params, "editcaption", "caption"),
        } | {
            name: (lambda params: constant(True))
            for name in ("setmycommands", "deletemycommands", "pinchatmessage",
                         "answercallbackquery", "deletemessage", "sendchataction", "close",
                         "logout", "unpinchatmessage")
        } | {"getmycommands": lambda params: constant([])}  # fmt: skip

    async def _set_webhook(self, params: Params) -> bool:
        self.webhook.url = str(params.get("url") or "")
        self.webhook.secret = str(params.get("secret_token") or "")
        self.webhook.calls += 1
        return True

    async def _webhook_info(self, params: Params) -> dict[str, Any]:
        return {"url": self.webhook.url, "has_custom_certificate": False,
                "pending_update_count": 0}  # fmt: skip

    async def _record(self, params: Params, method: str, field_name: str) -> dict[str, Any]:
        chat_id = _chat_id(params)
        text = str(params.get(field_name) or "") if field_name else ""
        now = time.monotonic()
        self.sent.append(Sent(chat_id, method, text, now, self._current.get(chat_id)))
        message_id = int(params.get("message_id") or 0) or next(self._message_ids)
        body: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": BOT_USER,
        }
        file_id = f"file{message_id}"
        if method == "sendphoto":
            body["photo"] = [{"file_id": file_id, "file_unique_id": file_id, "width": 1,
                              "height": 1}]  # fmt: skip
        if method == "senddocument":
            body["document"] = {"file_id": file_id, "file_unique_id": file_id}
        body["caption" if field_name == "caption" else "text"] = text
        return body


def _chat_id(params: Params) -> int:
    try:
        return int(params.get("chat_id") or 0)
    except (TypeError, ValueError):
        return 0


async def _constant(value: Any) -> Any:
    return value


async def _no_updates(params: Params) -> list[Any]:
    """Updates come by webhook here; a poller just waits out its timeout."""
    await asyncio.sleep(min(float(params.get("timeout") or 0), 1.0))
    return []


def user_message(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    """A private message from a person, as Telegram posts it to a webhook."""
    user = {"id": user_id, "is_bot": False, "first_name": f"用户{user_id}",
            "language_code": "zh-hans"}  # fmt: skip
    message: dict[str, Any] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": user["first_name"]},
        "from": user,
        "text": text,
    }
    if text.startswith("/"):
        command = text.split(" ", 1)[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": update_id, "message": message}
