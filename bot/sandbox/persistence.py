"""The sandbox's chats kept across a restart: a JSON file (and the files sent) next to the
database, so a person's conversation is still there when the sandbox starts again."""

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from bot.sandbox.state import Chat, ChatMessage, SandboxState, StoredFile

FOLDER = "sandbox"
STATE = "chats.json"
FILES = "files"
FORMAT = 1


def state_folder(database_url: str) -> Path:
    """Beside a SQLite database file; ./data/sandbox for a server database or one in memory."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).parent / FOLDER
    return Path("data") / FOLDER


class StateFile:
    """Writes what `SandboxState` holds worth keeping, and reads it back into a new one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.saved_revision = -1

    def load(self, state: SandboxState) -> bool:
        path = self.folder / STATE
        if not path.exists():
            return False
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("format") != FORMAT:
            return False
        state.last_message_id = int(stored["last_message_id"])
        state.last_other_id = int(stored["last_other_id"])
        state.last_update_id = max(state.last_update_id, int(stored.get("last_update_id", 0)))
        state.chats = {int(key): _chat(body) for key, body in stored["chats"].items()}
        for file_id, meta in stored["files"].items():
            content = (self.folder / FILES / file_id).read_bytes()
            state.files[file_id] = StoredFile(content, meta["name"], meta["content_type"])
        self.saved_revision = state.revision
        return True

    def save(self, state: SandboxState) -> None:
        """Written to a temporary file first, so a crash mid-write keeps the last good copy."""
        if state.revision == self.saved_revision:
            return
        files = self.folder / FILES
        files.mkdir(parents=True, exist_ok=True)
        for file_id, stored in state.files.items():
            if not (files / file_id).exists():
                (files / file_id).write_bytes(stored.content)
        body = {
            "format": FORMAT,
            "last_message_id": state.last_message_id,
            "last_other_id": state.last_other_id,
            "last_update_id": state.last_update_id,
            "chats": {str(chat_id): _stored(chat) for chat_id, chat in state.chats.items()},
            "files": {
                file_id: {"name": f.name, "content_type": f.content_type}
                for file_id, f in state.files.items()
            },
        }
        temporary = self.folder / f"{STATE}.tmp"
        temporary.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.folder / STATE)
        self.saved_revision = state.revision


def _stored(chat: Chat) -> dict[str, Any]:
    """Alerts are left out: they are a moment's toast, not part of the conversation."""
    return {
        "user": chat.user,
        "messages": [asdict(message) for message in chat.messages.values()],
        "version": chat.version,
        "pinned": chat.pinned,
    }


def _chat(body: dict[str, Any]) -> Chat:
    messages = [_message(m) for m in body["messages"]]
    return Chat(
        user=body["user"],
        messages={m.message_id: m for m in messages},
        version=int(body["version"]),
        pinned=body.get("pinned"),
    )


def _message(body: dict[str, Any]) -> ChatMessage:
    document = body.get("document")
    return ChatMessage(**(body | {"document": tuple(document) if document else None}))
