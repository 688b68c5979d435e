"""The webhook's web app: Telegram's updates at the path of WEBHOOK_URL, and the probes a load
balancer asks: /healthz (the process answers) and /readyz (its database and Redis do)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

log = logging.getLogger(__name__)
READY_TIMEOUT = 2.0  # seconds each dependency has to answer a readiness check
Check = Callable[[], Awaitable[object]]


def webhook_path(url: str) -> str:
    return urlsplit(url).path or "/"


def create_webhook_app(
    dispatcher: Dispatcher, bot: Bot, url: str, secret: str, checks: Mapping[str, Check]
) -> web.Application:
    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readiness(checks))
    # Answered once handled, not at once: a stop (SIGTERM) then waits for the updates in hand,
    # and one whose instance dies mid-way is posted again by Telegram.
    handler = SimpleRequestHandler(dispatcher, bot, handle_in_background=False, secret_token=secret)
    handler.register(app, webhook_path(url))
    setup_application(app, dispatcher, bot=bot)
    return app


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "alive"})


def readiness(checks: Mapping[str, Check]) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def readyz(request: web.Request) -> web.Response:
        results = await asyncio.gather(*(_answers(check) for check in checks.values()))
        status = {name: "ok" if ok else "failed" for name, ok in zip(checks, results, strict=True)}
        return web.json_response(status, status=200 if all(results) else 503)

    return readyz


async def _answers(check: Check) -> bool:
    try:
        await asyncio.wait_for(check(), READY_TIMEOUT)
    except Exception as error:  # any failure means not ready; the reason goes to the log
        log.warning("readiness check failed: %r", error)
        return False
    return True
