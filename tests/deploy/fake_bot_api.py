"""A Bot API server for real processes to talk to: every call recorded, updates handed out
by getUpdates, answers shaped like Telegram's."""

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import web

BOT_USER = {"id": 42, "is_bot": True, "first_name": "Contest Bot", "username": "contest_bot"}
POLL_WAIT = 0.5  # seconds a getUpdates waits for news, whatever the client asks


@dataclass
class FakeBotApi:
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def called(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method.lower()]

    async def wait_for(self, method: str, within: float = 30) -> dict[str, Any]:
        """The first call of `method`, waiting for it to come."""
        async with asyncio.timeout(within):
            while not self.called(method):
                self._arrived.clear()
                await self._arrived.wait()
        return self.called(method)[0]

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []  # the listening sockets
        self.port = int(sockets[0].getsockname()[1])
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"].lower()
        form = await request.post()
        params = {key: _decoded(str(value)) for key, value in form.items()}
        self.calls.append((method, params))
        self._arrived.set()
        return web.json_response({"ok": True, "result": await self._result(method, params)})

    async def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getme":
            return BOT_USER
        if method == "getupdates":
            offset = int(params.get("offset") or 0)
            fresh = [u for u in self.updates if u["update_id"] >= offset]
            if not fresh:
                await asyncio.sleep(POLL_WAIT)
            return fresh
        if method == "sendmessage":
            chat = {"id": int(params["chat_id"]), "type": "private"}
            return {"message_id": len(self.calls), "date": 0, "chat": chat,
                    "from": BOT_USER, "text": params.get("text", "")}  # fmt: skip
        if method == "getwebhookinfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True


def _decoded(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
