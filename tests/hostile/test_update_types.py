"""Every kind of update, with or without a user, and some Telegram has not invented yet, passes
without failure; those that concern nobody get no answer."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram.types import Chat, Update

from tests.fakes.telegram import BOT_USER
from tests.handlers.conftest import Telegram
from tests.hostile.bot import CHANNEL, CONTESTANT, GROUP, ORGANIZER, feed
from tests.hostile.cases import every, on_dialects
from tests.hostile.checks import NOBODY, READERS, Reader, assert_silent, assert_sound

Fields = Callable[[int, int], dict[str, Any]]  # (update id, unix time) → the update's fields


def person(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "用户", "language_code": "zh-hans"}


def chat(found: Chat) -> dict[str, Any]:
    return found.model_dump(exclude_none=True)


def private(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "type": "private", "first_name": "用户"}


def post(n: int, at: int, **extra: Any) -> dict[str, Any]:
    return {
        "message_id": n,
        "date": at,
        "chat": chat(CHANNEL),
        "sender_chat": chat(CHANNEL),
        "text": "/standings",
        **extra,
    }


def member_change(user: dict[str, Any], old: str, new: str, at: int, where: Any = GROUP) -> Any:
    return {
        "chat": chat(where) if not isinstance(where, dict) else where,
        "from": user,
        "date": at,
        "old_chat_member": {"status": old, "user": user},
        "new_chat_member": {"status": new, "user": user, "until_date": 0},
    }


@dataclass(frozen=True)
class Kind:
    fields: Fields
    reader: Reader | None  # None: it concerns nobody, so nothing is answered


POLL = {
    "id": "p1",
    "question": "?",
    "options": [{"text": "a", "voter_count": 1, "persistent_id": "o1"}],
    "total_voter_count": 1,
    "is_closed": False,
    "is_anonymous": True,
    "type": "regular",
    "allows_multiple_answers": False,
    "allows_revoting": False,
    "members_only": False,
}
KINDS: dict[str, Kind] = {
    "empty": Kind(lambda n, at: {}, None),
    "unknown-field": Kind(lambda n, at: {"future_thing": {"x": 1}}, None),
    "unknown-field-with-user": Kind(
        lambda n, at: {"future_thing": {"from": person(ORGANIZER)}}, None
    ),
    "channel-post": Kind(lambda n, at: {"channel_post": post(n, at)}, None),
    "edited-channel-post": Kind(
        lambda n, at: {"edited_channel_post": post(n, at, edit_date=at)}, None
    ),
    "reaction-by-user": Kind(
        lambda n, at: {
            "message_reaction": {
                "chat": chat(GROUP),
                "message_id": 1,
                "date": at,
                "user": person(CONTESTANT),
                "old_reaction": [],
                "new_reaction": [{"type": "emoji", "emoji": "👍"}],
            }
        },
        READERS["contestant"],
    ),
    "reaction-by-chat": Kind(
        lambda n, at: {
            "message_reaction": {
                "chat": chat(GROUP),
                "message_id": 1,
                "date": at,
                "actor_chat": chat(CHANNEL),
                "old_reaction": [],
                "new_reaction": [{"type": "emoji", "emoji": "👍"}],
            }
        },
        None,
    ),
    "reaction-count": Kind(
        lambda n, at: {
            "message_reaction_count": {
                "chat": chat(GROUP),
                "message_id": 1,
                "date": at,
                "reactions": [{"type": {"type": "emoji", "emoji": "👍"}, "total_count": 3}],
            }
        },
        None,
    ),
    "poll": Kind(lambda n, at: {"poll": POLL}, None),
    "poll-answer": Kind(
        lambda n, at: {
            "poll_answer": {
                "poll_id": "p1",
                "user": person(CONTESTANT),
                "option_ids": [0],
                "option_persistent_ids": ["o1"],
            }
        },
        READERS["contestant"],
    ),
    "chat-member-joins": Kind(
        lambda n, at: {"chat_member": member_change(person(CONTESTANT), "left", "member", at)},
        READERS["contestant"],
    ),
    "bot-blocked-in-private": Kind(
        lambda n, at: {
            "my_chat_member": {
                **member_change(person(ORGANIZER), "member", "kicked", at, private(ORGANIZER)),
                "old_chat_member": {"status": "member", "user": BOT_USER.model_dump()},
                "new_chat_member": {
                    "status": "kicked",
                    "user": BOT_USER.model_dump(),
                    "until_date": 0,
                },
            }
        },
        READERS["organizer"],
    ),
    "join-request": Kind(
        lambda n, at: {
            "chat_join_request": {
                "chat": chat(GROUP),
                "from": person(CONTESTANT),
                "user_chat_id": CONTESTANT,
                "date": at,
            }
        },
        READERS["contestant"],
    ),
    "inline-query": Kind(
        lambda n, at: {
            "inline_query": {"id": "i1", "from": person(CONTESTANT), "query": "H07", "offset": ""}
        },
        READERS["contestant"],
    ),
    "chosen-inline-result": Kind(
        lambda n, at: {
            "chosen_inline_result": {"result_id": "r1", "from": person(CONTESTANT), "query": "H07"}
        },
        READERS["contestant"],
    ),
    "callback-without-message": Kind(
        lambda n, at: {
            "callback_query": {
                "id": f"q{n}",
                "from": person(ORGANIZER),
                "chat_instance": "c",
                "inline_message_id": "im1",
                "data": "m:today",
            }
        },
        READERS["organizer"],
    ),
    "callback-without-data": Kind(
        lambda n, at: {
            "callback_query": {
                "id": f"q{n}",
                "from": person(CONTESTANT),
                "chat_instance": "c",
                "game_short_name": "g",
            }
        },
        READERS["contestant"],
    ),
    "edited-message": Kind(
        lambda n, at: {
            "edited_message": {
                "message_id": n,
                "date": at,
                "edit_date": at,
                "chat": private(ORGANIZER),
                "from": person(ORGANIZER),
                "text": "/standings",
            }
        },
        READERS["organizer"],
    ),
    "group-message-without-sender": Kind(
        lambda n, at: {
            "message": {"message_id": n, "date": at, "chat": chat(GROUP), "text": "/standings"}
        },
        None,
    ),
    "bot-added-to-group": Kind(
        lambda n, at: {
            "message": {
                "message_id": n,
                "date": at,
                "chat": chat(GROUP),
                "from": person(CONTESTANT),
                "new_chat_members": [BOT_USER.model_dump()],
            }
        },
        READERS["contestant"],
    ),
    "member-left-group": Kind(
        lambda n, at: {
            "message": {
                "message_id": n,
                "date": at,
                "chat": chat(GROUP),
                "from": person(CONTESTANT),
                "left_chat_member": person(CONTESTANT),
            }
        },
        READERS["contestant"],
    ),
    "sticker-in-private": Kind(
        lambda n, at: {
            "message": {
                "message_id": n,
                "date": at,
                "chat": private(CONTESTANT),
                "from": person(CONTESTANT),
                "sticker": {
                    "file_id": "s",
                    "file_unique_id": "s",
                    "type": "regular",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                },
            }
        },
        READERS["contestant"],
    ),
    "location-in-private": Kind(
        lambda n, at: {
            "message": {
                "message_id": n,
                "date": at,
                "chat": private(CONTESTANT),
                "from": person(CONTESTANT),
                "location": {"latitude": 41.8, "longitude": 123.4},
            }
        },
        READERS["contestant"],
    ),
    "dice-in-private": Kind(
        lambda n, at: {
            "message": {
                "message_id": n,
                "date": at,
                "chat": private(CONTESTANT),
                "from": person(CONTESTANT),
                "dice": {"emoji": "🎲", "value": 6},
            }
        },
        READERS["contestant"],
    ),
    "pinned-in-group": Kind(
        lambda n, at: {
            "message": {
                "message_id": n,
                "date": at,
                "chat": chat(GROUP),
                "from": person(ORGANIZER),
                "pinned_message": {"message_id": 1, "date": 0, "chat": chat(GROUP)},
            }
        },
        READERS["organizer"],
    ),
}


def update_of(telegram: Telegram, kind: Kind) -> Update:
    n: int = next(telegram.ids)
    at = int(telegram.clock.now().timestamp())
    return Update.model_validate({"update_id": n, **kind.fields(n, at)})


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(KINDS, every(KINDS, 5)), indirect=["hostile"]
)
async def test_every_kind_of_update_passes_without_failure(
    hostile: Telegram, case: Kind, failures: pytest.LogCaptureFixture
) -> None:
    outcome = await feed(hostile, update_of(hostile, case))
    assert_sound(outcome, failures, case.reader or NOBODY)
    if case.reader is None:
        assert_silent(outcome)
