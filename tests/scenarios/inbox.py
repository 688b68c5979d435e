"""Each person's inbox: what the bot sent to their chat, in order, when, and under which key.

The network edge is tests/fakes/telegram.py's RecordingSession, so every call is still checked
as Telegram would; this session also notes, for each message sent or edited, the rehearsal
clock's time and the outbox key of the delivery being sent (None for a direct reply).
"""

import re
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from aiogram import Bot
from aiogram.methods import EditMessageReplyMarkup, EditMessageText, SendMessage, SendPhoto
from aiogram.methods.base import TelegramMethod, TelegramType

from bot.domain.enums import Locale
from bot.domain.problems import N_
from bot.i18n import translator
from bot.services.check_ins import CheckInOutcome
from bot.services.scores import Entry
from bot.texts.reminders import CONFIRMED as ACKNOWLEDGED_LINE
from handlers.reminders.views import ANSWERS as CHECK_IN_ANSWERS
from handlers.scoring.views import SAVED
from tests.fakes.telegram import RecordingSession
from tests.scenarios.checker import TEAMS_BEFORE


class Way(StrEnum):
    SENT = "sent"
    PHOTO = "photo"
    EDITED = "edited"


@dataclass(frozen=True, slots=True)
class Received:
    at: datetime
    way: Way
    key: str | None  # the outbox key, when it came through the outbox
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (label, callback data)

    @property
    def kind(self) -> str:
        """What it is: by its outbox key, else by the catalog message it renders."""
        if self.key is not None:
            return kind_of_key(self.key)
        return f"{self.way}:{catalog_label(self.text)}"

    @property
    def team(self) -> str | None:
        """The team a turn reminder or escalation is about."""
        parts = (self.key or "").split(":")
        return parts[3] if parts[0] == "turn" else None


def kind_of_key(key: str) -> str:
    """'turn:SC-12345:5:H03:next' → 'next'; '…:next:escalation2' → 'next!2'; the copy of a
    reminder edited to say who acknowledged the turn, '…:next:ack' → 'next✓'; the notice to
    those alerted that the turn is acknowledged, '…:H03:acknowledged' → 'acknowledged';
    'result:SC-12345:v1' → 'result:SC-12345:v1'."""
    parts = key.split(":")
    if parts[0] == "turn":
        kind = parts[4]
        if len(parts) > 5 and parts[5].startswith("escalation"):
            return f"{kind}!{parts[5].removeprefix('escalation')}"
        if len(parts) > 5 and parts[5] == ACK_EDIT:
            return f"{kind}✓"
        return kind
    return key


PUBLISH_ROUNDS = N_(
    "Which round? You first see a preview: what is scored and what is missing, who would "
    "receive what. Publishing sends every contestant their own result and the track's "
    "followers the standings; publishing again sends a correction."
)
ACK_EDIT = "ack"  # the suffix of the outbox key of an edit saying who acknowledged the turn

# Replies recognised by their catalog message (the zh_Hans rendering, placeholders as wildcards).
# The msgids come from where the bot defines them, so a rewording does not break the rehearsal.
REPLIES: dict[str, str] = {
    "checked_in": CHECK_IN_ANSWERS[CheckInOutcome.CHECKED_IN],
    "already_checked_in": CHECK_IN_ANSWERS[CheckInOutcome.ALREADY],
    "score_saved": SAVED[Entry.SAVED],
    "turn": TEAMS_BEFORE,  # /next: the team's next turn and the teams before it
    # handlers/results.py: the organizer's /publish, its preview and what follows a button
    "publish_rounds": PUBLISH_ROUNDS,
    "preview": N_("<b>Preview of {round}</b> (version {version}, not published yet)"),
    "published": N_("{round} is published (version {version}); {count} messages are on their "
                    "way."),
    "withdrawal_reason": N_("Why is version {version} of {round} withdrawn? Everyone who "
                            "received it is told this reason. Send it in one message (or "
                            "/cancel)."),
    "withdrawn": N_("Version {version} of {round} is withdrawn; {count} correction notices are "
                    "on their way."),
    # handlers/acknowledgements.py: the pressed reminder, edited to say who acknowledged
    "acknowledged": ACKNOWLEDGED_LINE,
}  # fmt: skip


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for label, msgid in REPLIES.items():
        for locale in Locale:
            template = translator(locale)(msgid)
            pattern = re.sub(r"\\\{\w+\\\}", ".+?", re.escape(template))
            found.append((label, re.compile(pattern)))
    return found


def catalog_label(text: str) -> str:
    for label, pattern in _patterns():
        if pattern.search(text):
            return label
    return "other"


# Looks at a message just before it leaves: (now, chat id, outbox key or None, text).
Check = Callable[[datetime, int, str | None, str], Awaitable[None]]


class InboxSession(RecordingSession):
    """The fake Telegram, remembering per chat what each person received."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__()
        self._now = now
        # The outbox key of the delivery going to each chat (the sender never has two to one
        # chat in flight at once); a chat without one is getting a direct reply.
        self.current_keys: dict[int, str] = {}
        self.inboxes: dict[int, list[Received]] = defaultdict(list)
        self.check_reply: Check | None = None  # direct replies; the outbox's are checked before

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram's signature)
    ) -> TelegramType:
        text = getattr(method, "text", None)
        chat = int(getattr(method, "chat_id", 0) or 0)
        if self.check_reply and chat not in self.current_keys and isinstance(text, str):
            await self.check_reply(self._now(), chat, None, text)
        result = await super().make_request(bot, method, timeout)
        received = self._received(method, self.current_keys.get(chat))
        if received is not None:
            self.inboxes[chat].append(received)
        return result

    def _received(self, method: TelegramMethod[Any], key: str | None) -> Received | None:
        markup = getattr(method, "reply_markup", None)
        rows = getattr(markup, "inline_keyboard", None) or []
        buttons = tuple((b.text, b.callback_data or "") for row in rows for b in row)
        if isinstance(method, SendMessage):
            return Received(self._now(), Way.SENT, key, method.text or "", buttons)
        if isinstance(method, SendPhoto):
            caption = method.caption or ""
            return Received(self._now(), Way.PHOTO, key, caption, buttons)
        if isinstance(method, EditMessageText):
            return Received(self._now(), Way.EDITED, key, method.text or "", buttons)
        if isinstance(method, EditMessageReplyMarkup):
            return Received(self._now(), Way.EDITED, key, "", buttons)
        return None
