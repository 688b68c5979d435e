"""Every kind of update, with a person or without, passes quietly; what concerns nobody is
ignored."""

import logging
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import Update

from tests.handlers.conftest import CONTESTANT, Telegram

DATE = 1727308800  # 2024-09-26, as Telegram sends it
CHANNEL = {"id": -1001, "type": "channel", "title": "频道"}
GROUP = {"id": -2001, "type": "supergroup", "title": "H07 队"}
PRIVATE = {"id": CONTESTANT, "type": "private", "first_name": "用户"}
PERSON = {"id": CONTESTANT, "is_bot": False, "first_name": "用户"}
POST = {"message_id": 7, "date": DATE, "chat": CHANNEL, "sender_chat": CHANNEL, "text": "公告"}
REACTION = {"type": "emoji", "emoji": "👍"}
MEMBER = {"status": "member", "user": PERSON}
LEFT = {"status": "left", "user": PERSON}
BOOST = {
    "boost_id": "b1",
    "add_date": DATE,
    "expiration_date": DATE + 86400,
    "source": {"source": "premium", "user": PERSON},
}
POLL = {
    "id": "p1",
    "question": "哪天？",
    "options": [
        {"persistent_id": "a", "text": "周一", "voter_count": 1},
        {"persistent_id": "b", "text": "周二", "voter_count": 0},
    ],
    "total_voter_count": 1,
    "is_closed": False,
    "is_anonymous": True,
    "type": "regular",
    "allows_multiple_answers": False,
    "allows_revoting": False,
    "members_only": False,
}

UPDATES: dict[str, dict[str, Any]] = {
    "empty": {},
    "a field aiogram does not know": {"future_thing": {"id": 1, "from": PERSON}},
    "channel_post": {"channel_post": POST},
    "edited_channel_post": {"edited_channel_post": POST | {"edit_date": DATE + 60}},
    "message without a sender": {"message": POST | {"chat": GROUP, "sender_chat": None}},
    "edited_message": {
        "edited_message": {
            "message_id": 8,
            "date": DATE,
            "edit_date": DATE + 5,
            "chat": PRIVATE,
            "from": PERSON,
            "text": "/start",
        }
    },
    "message_reaction by a person": {
        "message_reaction": {
            "chat": GROUP,
            "message_id": 7,
            "date": DATE,
            "user": PERSON,
            "old_reaction": [],
            "new_reaction": [REACTION],
        }
    },
    "message_reaction by an anonymous chat": {
        "message_reaction": {
            "chat": GROUP,
            "message_id": 7,
            "date": DATE,
            "actor_chat": GROUP,
            "old_reaction": [REACTION],
            "new_reaction": [],
        }
    },
    "message_reaction_count": {
        "message_reaction_count": {
            "chat": CHANNEL,
            "message_id": 7,
            "date": DATE,
            "reactions": [{"type": REACTION, "total_count": 3}],
        }
    },
    "poll": {"poll": POLL},
    "poll_answer": {
        "poll_answer": {
            "poll_id": "p1",
            "user": PERSON,
            "option_ids": [0],
            "option_persistent_ids": ["a"],
        }
    },
    "chat_boost": {"chat_boost": {"chat": CHANNEL, "boost": BOOST}},
    "removed_chat_boost": {
        "removed_chat_boost": {
            "chat": CHANNEL,
            "boost_id": "b1",
            "remove_date": DATE,
            "source": BOOST["source"],
        }
    },
    "chat_member": {
        "chat_member": {
            "chat": GROUP,
            "from": PERSON,
            "date": DATE,
            "old_chat_member": LEFT,
            "new_chat_member": MEMBER,
        }
    },
    "chat_join_request": {
        "chat_join_request": {
            "chat": GROUP,
            "from": PERSON,
            "user_chat_id": CONTESTANT,
            "date": DATE,
        }
    },
    "inline_query": {"inline_query": {"id": "q1", "from": PERSON, "query": "H07", "offset": ""}},
    "chosen_inline_result": {
        "chosen_inline_result": {"result_id": "r1", "from": PERSON, "query": "H07"}
    },
    "shipping_query": {
        "shipping_query": {
            "id": "s1",
            "from": PERSON,
            "invoice_payload": "x",
            "shipping_address": {
                "country_code": "CN",
                "state": "",
                "city": "上海",
                "street_line1": "1",
                "street_line2": "",
                "post_code": "200000",
            },
        }
    },
    "pre_checkout_query": {
        "pre_checkout_query": {
            "id": "k1",
            "from": PERSON,
            "currency": "XTR",
            "total_amount": 1,
            "invoice_payload": "x",
        }
    },
    "deleted_business_messages": {
        "deleted_business_messages": {
            "business_connection_id": "b",
            "chat": PRIVATE,
            "message_ids": [1],
        }
    },
}


@pytest.mark.parametrize("fields", UPDATES.values(), ids=UPDATES.keys())
async def test_an_update_that_concerns_nobody_is_ignored_without_error(
    joined: Telegram, caplog: pytest.LogCaptureFixture, fields: dict[str, Any]
) -> None:
    update = Update.model_validate({"update_id": 90001} | fields)
    before = len(joined.session.calls)
    with caplog.at_level(logging.ERROR):
        await joined.dispatcher.feed_update(joined.bot, update)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert joined.session.calls[before:] == []


async def test_a_button_of_an_inline_message_is_answered_as_no_longer_valid(
    joined: Telegram, caplog: pytest.LogCaptureFixture
) -> None:
    query = {"id": "c1", "from": PERSON, "chat_instance": "x", "inline_message_id": "i1"}
    update = Update.model_validate(
        {"update_id": 90002, "callback_query": query | {"data": "m:help"}}
    )
    before = len(joined.session.calls)
    with caplog.at_level(logging.ERROR):
        await joined.dispatcher.feed_update(joined.bot, update)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    [answer] = joined.session.calls[before:]
    assert isinstance(answer, AnswerCallbackQuery)
    assert answer.show_alert
