"""A real `contest-bot run --webhook`: Telegram's updates at the path of WEBHOOK_URL, checked
against the secret; the probes a load balancer asks."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.deploy.fake_bot_api import FakeBotApi
from tests.deploy.processes import BotProcess, bot_environment, contest_bot, free_port

SECRET = "s3cret-token"
HOOK_PATH = "/telegram/updates"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CLOSED_REDIS = "redis://127.0.0.1:1/0"


def start_update(chat: int) -> dict[str, Any]:
    user = {"id": chat, "is_bot": False, "first_name": "Ann", "language_code": "en"}
    message = {"message_id": 1, "date": 0, "chat": {"id": chat, "type": "private"},
               "from": user, "text": "/start"}  # fmt: skip
    return {"update_id": 1, "message": message}


class Webhook:
    def __init__(self, process: BotProcess, port: int, api: FakeBotApi) -> None:
        self.process, self.api = process, api
        self.base = f"http://127.0.0.1:{port}"

    async def get(self, path: str) -> tuple[int, Any]:
        async with aiohttp.ClientSession() as http, http.get(self.base + path) as response:
            return response.status, await response.json()

    async def post_update(self, update: dict[str, Any], secret: str) -> int:
        async with (
            aiohttp.ClientSession() as http,
            http.post(self.base + HOOK_PATH, json=update, headers={SECRET_HEADER: secret}) as r,
        ):
            return r.status


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@asynccontextmanager
async def serving(tmp_path: Path, api: FakeBotApi, **settings: str) -> AsyncIterator[Webhook]:
    port = free_port()
    env = bot_environment(
        f"sqlite+aiosqlite:///{tmp_path / 'contest.db'}", api.url,
        webhook_url=f"https://bot.example.org{HOOK_PATH}", webhook_secret=SECRET,
        webhook_port=str(port), **settings,
    )  # fmt: skip
    async with contest_bot(tmp_path, env, "run", "--webhook") as process:
        await process.wait_for_line("webhook: serving")
        yield Webhook(process, port, api)
        assert await process.stop() == 0


@pytest.fixture
async def webhook(tmp_path: Path, api: FakeBotApi) -> AsyncIterator[Webhook]:
    async with serving(tmp_path, api) as serving_one:
        yield serving_one


async def test_an_update_posted_with_the_secret_is_answered(webhook: Webhook) -> None:
    assert await webhook.post_update(start_update(5001), SECRET) == 200
    reply = await webhook.api.wait_for("sendMessage")
    assert reply["chat_id"] == 5001


async def test_an_update_with_a_wrong_secret_is_refused_unread(webhook: Webhook) -> None:
    assert await webhook.post_update(start_update(5001), "guessed") == 401
    assert await webhook.post_update(start_update(5002), SECRET) == 200
    reply = await webhook.api.wait_for("sendMessage")
    assert reply["chat_id"] == 5002  # the first, refused, was never handled


async def test_telegram_is_told_the_url_the_secret_and_the_update_types(webhook: Webhook) -> None:
    registered = await webhook.api.wait_for("setWebhook")
    assert registered["url"] == f"https://bot.example.org{HOOK_PATH}"
    assert registered["secret_token"] == SECRET
    assert {"message", "callback_query"} <= set(registered["allowed_updates"])


async def test_a_live_instance_is_healthy_and_ready_with_its_database(webhook: Webhook) -> None:
    assert await webhook.get("/healthz") == (200, {"status": "alive"})
    assert await webhook.get("/readyz") == (200, {"database": "ok"})


async def test_an_instance_whose_redis_is_down_is_alive_but_not_ready(
    tmp_path: Path, api: FakeBotApi
) -> None:
    async with serving(tmp_path, api, redis_url=CLOSED_REDIS) as webhook:
        assert (await webhook.get("/healthz"))[0] == 200
        assert await webhook.get("/readyz") == (503, {"database": "ok", "redis": "failed"})
