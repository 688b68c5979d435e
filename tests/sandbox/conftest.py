"""The sandbox running in-process on a free port: the demo contest, the real bot, a fixed day."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest

from bot.config import Settings
from bot.domain.contest import Person
from bot.sandbox.people import PERSON_USER_BASE
from bot.sandbox.runner import Sandbox
from bot.services.clock import RehearsalClock

REHEARSAL = datetime(2024, 9, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WAIT = 10.0


@dataclass
class RunningSandbox:
    url: str
    people: dict[str, Person]
    sandbox: Sandbox
    http: aiohttp.ClientSession

    def user_id(self, person_code: str) -> int:
        person = self.people[person_code]
        assert person.id is not None
        return PERSON_USER_BASE + person.id

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        async with self.http.post(self.url + path.lstrip("/"), json=body) as response:
            assert response.status == 200, await response.text()
            result: dict[str, Any] = await response.json()
            return result

    async def chat(self, user_id: int, after: int = -1) -> dict[str, Any]:
        url = f"{self.url}api/chat?user_id={user_id}&after={after}"
        async with self.http.get(url) as response:
            assert response.status == 200, await response.text()
            result: dict[str, Any] = await response.json()
            return result

    async def bot_says(self, user_id: int, fragment: str) -> dict[str, Any]:
        """Waits until a bot message in this chat contains `fragment`, and returns it."""
        version = -1
        deadline = datetime.now().timestamp() + WAIT  # noqa: DTZ005 - a local timeout
        while datetime.now().timestamp() < deadline:  # noqa: DTZ005
            chat = await self.chat(user_id, version)
            for message in reversed(chat["messages"]):
                if message["from"] == "bot" and fragment in (message["text"] or ""):
                    return dict(message)
            version = chat["version"]
        raise AssertionError(f"the bot never said {fragment!r}")


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[RunningSandbox]:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'sandbox.db'}")
    async with Sandbox(settings, port=0, clock=RehearsalClock(REHEARSAL, speed=0.0)) as running:
        assert running.database is not None
        async with running.database.unit_of_work() as uow:
            data = await uow.contest.load()
        assert data is not None
        async with aiohttp.ClientSession() as http:
            yield RunningSandbox(running.url, {p.code: p for p in data.people}, running, http)
