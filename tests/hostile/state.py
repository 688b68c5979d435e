"""What the bot has stored, read straight from the database: refused updates change none of it."""

from typing import Any

from sqlalchemy import text

from tests.handlers.conftest import Telegram

# The records a hostile update could change to do harm: bindings, groups, scores, the trail,
# messages queued for anybody, broadcasts, draws and arena events.
GUARDED = {
    "accounts": "telegram_user_id, chat_id, person_id",
    "team_chats": "chat_id, team_code",
    "showcase_scores": "round_code, team_code, judge_code, hundredths",
    "audit_log": "sequence, hash",
    "deliveries": "id",
    "broadcasts": "id",
    "draws": "id",
    "arena_events": "id",
    "stage_events": "id",
    "publications": "id",
}


async def rows(telegram: Telegram, table: str, columns: str) -> list[tuple[Any, ...]]:
    async with telegram.database.engine.connect() as connection:
        found = await connection.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2"))
        return [tuple(row) for row in found]


async def fingerprint(telegram: Telegram) -> dict[str, list[tuple[Any, ...]]]:
    return {table: await rows(telegram, table, f"{cols}, 1") for table, cols in GUARDED.items()}


async def account(telegram: Telegram, user_id: int) -> tuple[int, int | None] | None:
    """(chat id, person id) of the account of `user_id`, if there is one."""
    found = [r for r in await rows(telegram, "accounts", "telegram_user_id, chat_id, person_id")
             if r[0] == user_id]  # fmt: skip
    return (found[0][1], found[0][2]) if found else None


async def team_of_group(telegram: Telegram, chat_id: int) -> str | None:
    found = [r for r in await rows(telegram, "team_chats", "chat_id, team_code") if r[0] == chat_id]
    return str(found[0][1]) if found else None


async def showcase_scores(telegram: Telegram) -> list[tuple[Any, ...]]:
    return await rows(telegram, "showcase_scores", "round_code, team_code, judge_code, hundredths")
