"""The sandbox keeps its chats across a restart, and the bot reaches chats not opened yet."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.sandbox.persistence import StateFile, state_folder
from bot.sandbox.runner import Sandbox
from bot.sandbox.state import ChatMessage, SandboxState, StoredFile
from bot.services.clock import RehearsalClock
from tests.sandbox.conftest import REHEARSAL, RunningSandbox
from tests.sandbox.test_bot_api import USER


@asynccontextmanager
async def running(database: Path) -> AsyncIterator[RunningSandbox]:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{database}")
    async with Sandbox(settings, port=0, clock=RehearsalClock(REHEARSAL, speed=0.0)) as sandbox:
        assert sandbox.database is not None
        async with sandbox.database.unit_of_work() as uow:
            data = await uow.contest.load()
        assert data is not None
        async with aiohttp.ClientSession() as http:
            yield RunningSandbox(sandbox.url, {p.code: p for p in data.people}, sandbox, http)


async def test_a_conversation_is_still_there_after_a_restart(tmp_path: Path) -> None:
    async with running(tmp_path / "c.db") as first:
        alice = first.user_id("H07-1")
        code = first.people["H07-1"].invite_code
        await first.post("/api/send", {"user_id": alice, "text": f"/start {code}"})
        welcome = await first.bot_says(alice, "欢迎")
    async with running(tmp_path / "c.db") as second:
        before = (await second.chat(alice))["messages"]
        assert welcome in before
        await second.post("/api/send", {"user_id": alice, "text": "/help"})
        reply = await second.bot_says(alice, "我能为你做什么")
    assert reply["message_id"] > max(m["message_id"] for m in before)


async def test_the_bot_reaches_a_person_whose_chat_the_page_has_not_opened(
    tmp_path: Path,
) -> None:
    async with running(tmp_path / "c.db") as first:
        alice = first.user_id("H07-1")
        code = first.people["H07-1"].invite_code
        await first.post("/api/send", {"user_id": alice, "text": f"/start {code}"})
        await first.bot_says(alice, "欢迎")
    (tmp_path / "sandbox" / "chats.json").unlink()  # as on a sandbox from before this change
    async with running(tmp_path / "c.db") as second:
        assert second.sandbox.bot is not None
        await second.sandbox.bot.send_message(alice, "请到二楼候场")
        assert alice in second.sandbox.state.chats
        await second.bot_says(alice, "请到二楼候场")


def test_messages_files_and_pins_survive_alerts_do_not(tmp_path: Path) -> None:
    state = SandboxState()
    chat = state.chat(USER)
    message = ChatMessage(
        state.next_message_id(), True, 1, caption="表", document=("file1", "a.xlsx")
    )
    chat.messages[message.message_id] = message
    chat.pinned = message.message_id
    chat.alerts.append({"id": 1, "text": "已处理。", "show_alert": True})
    state.files["file1"] = StoredFile(b"PK\x03\x04", "a.xlsx", "application/octet-stream")
    state.revision += 1
    StateFile(tmp_path).save(state)

    restored = SandboxState()
    assert StateFile(tmp_path).load(restored)
    again = restored.chats[USER["id"]]
    assert again.messages == chat.messages
    assert (again.pinned, again.alerts, again.user) == (message.message_id, [], USER)
    assert restored.files == state.files
    assert restored.next_message_id() == message.message_id + 1


async def test_update_ids_go_on_after_a_restart_as_the_bot_drops_ids_it_has_handled(
    tmp_path: Path,
) -> None:
    state = SandboxState()
    await state.push_update({"message": {}})
    state.revision += 1
    StateFile(tmp_path).save(state)

    restored = SandboxState()
    restored.last_update_id = 0  # as if the clock had gone back
    assert StateFile(tmp_path).load(restored)
    await restored.push_update({"message": {}})
    assert restored.updates[-1]["update_id"] == state.updates[-1]["update_id"] + 1


def test_update_ids_without_a_saved_count_start_above_an_earlier_run() -> None:
    earlier = SandboxState()
    assert SandboxState().last_update_id >= earlier.last_update_id > 0


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("sqlite+aiosqlite:///./data/contest.db", Path("data/sandbox")),
        ("sqlite+aiosqlite:////srv/bot/contest.db", Path("/srv/bot/sandbox")),
        ("sqlite+aiosqlite://", Path("data/sandbox")),
        ("postgresql+asyncpg://bot@db/contest", Path("data/sandbox")),
    ],
)
def test_the_chats_are_kept_next_to_the_database(url: str, folder: Path) -> None:
    assert state_folder(url) == folder
