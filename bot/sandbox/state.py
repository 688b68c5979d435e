"""What the fake Telegram remembers: chats with their messages, and the bot's pending updates."""

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

BOT_USER: dict[str, Any] = {
    "id": 1,
    "is_bot": True,
    "first_name": "Contest Assistant (sandbox)",
    "username": "contest_sandbox_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class ChatMessage:
    message_id: int
    from_bot: bool
    date: int
    text: str | None = None
    html: bool = False
    reply_markup: dict[str, Any] | None = None
    photo: str | None = None
    document: tuple[str, str] | None = None  # (file id, file name)
    caption: str | None = None
    edited: bool = False


@dataclass
class Chat:
    user: dict[str, Any]
    messages: dict[int, ChatMessage] = field(default_factory=dict)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    version: int = 0
    pinned: int | None = None  # the id of the pinned message

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def as_telegram(self) -> dict[str, Any]:
        return {"id": self.id, "type": "private", "first_name": self.user["first_name"]}


@dataclass(frozen=True)
class StoredFile:
    content: bytes
    name: str
    content_type: str


EPOCH = 1_704_067_200  # 2024-01-01 UTC: the ids below stay far under 2**31


def fresh_update_id() -> int:
    """Where update ids start without a saved count: above those of any earlier run that gave
    fewer than one a second, since the bot drops an update id it has handled before."""
    return int(time.time()) - EPOCH


class SandboxState:
    """One lock-free event loop owns this; waiters are woken by a condition per kind of change."""

    def __init__(self) -> None:
        self.chats: dict[int, Chat] = {}
        self.updates: list[dict[str, Any]] = []
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        # Callback queries waiting for the bot's answer: query id -> user id.
        self.callbacks: dict[str, int] = {}
        self.last_update_id = fresh_update_id()
        self.last_message_id = 0
        self.last_other_id = 0
        # Bumped on every change worth keeping (see bot.sandbox.persistence).
        self.revision = 0
        self._updates_changed = asyncio.Condition()
        self._chats_changed = asyncio.Condition()
        self.closing = False

    def chat(self, user: dict[str, Any]) -> Chat:
        """The user's chat, opened now if need be; the user as the page names them."""
        found = self.chats.get(int(user["id"]))
        if found is None:
            found = self.chats[int(user["id"])] = Chat(user)
        found.user = user
        return found

    def private_chat(self, chat_id: int) -> Chat | None:
        """The chat the bot writes to: a person's private chat is there even before the page
        opens it (after a restart, or for someone who has not been picked yet); a group chat
        only once it exists."""
        found = self.chats.get(chat_id)
        if found is None and chat_id > 0:
            user = {"id": chat_id, "is_bot": False, "first_name": str(chat_id)}
            found = self.chats[chat_id] = Chat(user)
        return found

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id

    def next_id(self) -> str:
        self.last_other_id += 1
        return str(self.last_other_id)

    async def push_update(self, body: dict[str, Any]) -> None:
        async with self._updates_changed:
            self.last_update_id += 1
            self.updates.append({"update_id": self.last_update_id, **body})
            self._updates_changed.notify_all()

    async def take_updates(self, offset: int, limit: int, seconds: float) -> list[dict[str, Any]]:
        """getUpdates: confirms everything before `offset`, then waits up to `seconds` for news."""
        async with self._updates_changed:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and seconds > 0 and not self.closing:
                try:
                    await asyncio.wait_for(self._updates_changed.wait(), seconds)
                except TimeoutError:
                    return []
            return self.updates[:limit]

    async def release_waiters(self) -> None:
        """Ends pending long polls at once (on shutdown) instead of at their timeout."""
        self.closing = True
        async with self._updates_changed:
            self._updates_changed.notify_all()
        async with self._chats_changed:
            self._chats_changed.notify_all()

    async def changed(self, chat: Chat) -> None:
        chat.version += 1
        self.revision += 1
        async with self._chats_changed:
            self._chats_changed.notify_all()

    async def wait_for_chat(self, chat: Chat, after: int, seconds: float) -> None:
        async with self._chats_changed:
            if chat.version <= after and not self.closing:
                try:
                    await asyncio.wait_for(
                        self._chats_changed.wait_for(lambda: chat.version > after or self.closing),
                        seconds,
                    )
                except TimeoutError:
                    return
