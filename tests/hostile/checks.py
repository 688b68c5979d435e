"""What must hold for every hostile update, whatever it was."""

import logging
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.types import InlineKeyboardMarkup

from bot.domain.enums import Locale
from tests.fakes.telegram import BOT_USER
from tests.hostile.bot import Outcome
from tests.hostile.catalog import apologies, shows_draft, speaks


@dataclass(frozen=True)
class Reader:
    """Who reads the bot's answers: their language, and whether draft scores are theirs to see
    (an organizer's, in a private chat only)."""

    locale: Locale
    organizer: bool = False


READERS = {
    "organizer": Reader(Locale.ZH_HANS, organizer=True),
    "contestant": Reader(Locale.ZH_HANS),
    "leader": Reader(Locale.ZH_HANS),
    "judge": Reader(Locale.EN),  # J7 reads English
    "stranger": Reader(Locale.ZH_HANS),  # Telegram says zh-hans, the contest's language too
}
NOBODY = Reader(Locale.ZH_HANS)  # anonymous admins, channels, the service account


def shown(call: TelegramMethod[Any]) -> str | None:
    """The text a call shows someone, if it shows one."""
    if isinstance(call, SendMessage | EditMessageText):
        return call.text
    if isinstance(call, SendPhoto | SendDocument):
        return call.caption
    if isinstance(call, AnswerCallbackQuery):
        return call.text
    return None


def messages(outcome: Outcome) -> list[TelegramMethod[Any]]:
    """What reached a chat: messages, edits and callback answers that say something."""
    return [
        call
        for call in outcome.calls
        if isinstance(call, SendMessage | EditMessageText | SendPhoto | SendDocument)
        or (isinstance(call, AnswerCallbackQuery) and call.text)
    ]


def in_private(outcome: Outcome) -> bool:
    update = outcome.update
    message = update.message or (update.callback_query.message if update.callback_query else None)
    return message is not None and message.chat.type == "private"


def assert_no_failure(outcome: Outcome, failures: pytest.LogCaptureFixture) -> None:
    errors = [r for r in failures.records if r.levelno >= logging.ERROR]
    assert not errors, [f"{r.name}: {r.getMessage()} {r.exc_info}" for r in errors]
    said = [shown(call) or "" for call in outcome.calls]
    assert not [s for s in said if any(a in s for a in apologies())], said


def assert_answered(outcome: Outcome) -> None:
    query = outcome.update.callback_query
    if query is None:
        return
    answers = [c for c in outcome.calls if isinstance(c, AnswerCallbackQuery)]
    assert [a.callback_query_id for a in answers] == [query.id], outcome.calls


def assert_no_draft(outcome: Outcome, reader: Reader) -> None:
    if reader.organizer and in_private(outcome):
        return
    leaked = [text for call in outcome.calls if (text := shown(call)) and shows_draft(text)]
    assert not leaked, leaked


def assert_localised(outcome: Outcome, reader: Reader) -> None:
    """Whatever the bot says is non-empty and in no other language than the reader's (a reply
    of contest data only, such as the venues, carries no phrase of any catalog)."""
    others = [locale for locale in Locale if locale is not reader.locale]
    for call in messages(outcome):
        text = shown(call)
        if isinstance(call, SendPhoto | SendDocument) and not text:
            continue  # a picture or a file says it itself
        assert text, call
        assert text.strip(), call
        assert not any(speaks(text, other) for other in others), (reader.locale, text[:500])


def assert_refusal(outcome: Outcome, reader: Reader) -> None:
    """One answer, which says in the reader's language that it is refused."""
    said = messages(outcome)
    assert len(said) == 1, outcome.calls
    text = shown(said[0])
    assert text, said
    assert speaks(text, reader.locale), (reader.locale, text)


def assert_sound(outcome: Outcome, failures: pytest.LogCaptureFixture, reader: Reader) -> None:
    """No failure, every callback answered, no draft scores out of place, a localised reply."""
    assert_no_failure(outcome, failures)
    assert_answered(outcome)
    assert_no_draft(outcome, reader)
    assert_localised(outcome, reader)


def opens_the_bot(call: TelegramMethod[Any]) -> bool:
    """A button in the reply that opens a private chat with the bot."""
    markup = getattr(call, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return False
    urls = [b.url or "" for row in markup.inline_keyboard for b in row]
    return any(f"t.me/{BOT_USER.username}" in url for url in urls)


def assert_private_only_refusal(outcome: Outcome, reader: Reader) -> None:
    """The "message me privately" answer, with a button that opens the bot, and nothing else."""
    said = messages(outcome)
    assert len(said) == 1, said
    assert opens_the_bot(said[0]), said[0]
    assert_refusal(outcome, reader)


def assert_silent(outcome: Outcome) -> None:
    """Nothing was said to anybody."""
    assert not messages(outcome), outcome.calls
