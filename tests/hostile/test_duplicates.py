"""Telegram may deliver an update twice (the same update_id): the second delivery fails nothing
and is dropped without a word, so what was done is done once."""

from collections.abc import Callable

import pytest
from aiogram.types import Update

from tests.handlers.conftest import Telegram
from tests.hostile.bot import CHANNEL, CONTESTANT, GROUP, JUDGE, ORGANIZER, STRANGER, feed
from tests.hostile.cases import BOTH, every, on_dialects
from tests.hostile.checks import NOBODY, READERS, Reader, assert_no_failure, assert_sound
from tests.hostile.state import account, fingerprint
from tests.hostile.updates import message, press_update, text_update

Build = Callable[[Telegram], Update]


def invite(telegram: Telegram) -> Update:
    return text_update(telegram, STRANGER, f"/start {telegram.people['H08-1'].invite_code}")


def channel_post(telegram: Telegram) -> Update:
    post = message(telegram, None, "/standings", CHANNEL, sender_chat=CHANNEL)
    return Update(update_id=post.message_id, channel_post=post)


TWICE: dict[str, tuple[Build, Reader]] = {
    "invite-code": (invite, READERS["stranger"]),
    "draft-standings": (lambda t: text_update(t, ORGANIZER, "/standings"), READERS["organizer"]),
    "broadcast-start": (lambda t: text_update(t, ORGANIZER, "/broadcast"), READERS["organizer"]),
    "check-in": (lambda t: text_update(t, CONTESTANT, "/checkin"), READERS["contestant"]),
    "score-board": (lambda t: text_update(t, JUDGE, "/score"), READERS["judge"]),
    "team-chat-link": (
        lambda t: text_update(t, CONTESTANT, "/teamchat", GROUP),
        READERS["contestant"],
    ),
    "question": (lambda t: text_update(t, CONTESTANT, "我们队几点上场？"), READERS["contestant"]),
    "menu-button": (lambda t: press_update(t, CONTESTANT, "m:today"), READERS["contestant"]),
    "follow-button": (lambda t: press_update(t, STRANGER, "f:0:1"), READERS["stranger"]),
    "score-team-button": (lambda t: press_update(t, JUDGE, "st:7:36"), READERS["judge"]),
    "forged-acknowledgement": (
        lambda t: press_update(t, CONTESTANT, "ack:1"),
        READERS["contestant"],
    ),
    "stale-button": (lambda t: press_update(t, ORGANIZER, "zz:1"), READERS["organizer"]),
    "channel-post": (channel_post, NOBODY),
    "empty-update": (lambda t: Update(update_id=next(t.ids)), NOBODY),
}


@pytest.mark.parametrize(
    ("hostile", "case"), on_dialects(TWICE, every(TWICE, 5)), indirect=["hostile"]
)
async def test_an_update_delivered_twice_is_handled_once_without_failure(
    hostile: Telegram, case: tuple[Build, Reader], failures: pytest.LogCaptureFixture
) -> None:
    build, reader = case
    update = build(hostile)
    assert_sound(await feed(hostile, update), failures, reader)
    after_once = await fingerprint(hostile)
    again = await feed(hostile, update)
    assert_no_failure(again, failures)
    assert again.calls == []
    assert await fingerprint(hostile) == after_once


@pytest.mark.parametrize("hostile", BOTH, indirect=True)
async def test_an_invite_code_delivered_twice_binds_once(
    hostile: Telegram, failures: pytest.LogCaptureFixture
) -> None:
    update = invite(hostile)
    await feed(hostile, update)
    await feed(hostile, update)
    assert_sound(await feed(hostile, update), failures, READERS["stranger"])
    assert await account(hostile, STRANGER) == (STRANGER, hostile.people["H08-1"].id)
