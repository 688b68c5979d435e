"""A rehearsal of a contest day: the demo contest, its people joined by invite, one rehearsal clock
advanced minute by minute, the real dispatcher fed real updates, the real reminder jobs and the
real sender draining the outbox through the aiogram transport to a fake Telegram.

Every message that leaves goes past the contradiction checker first (tests/scenarios/checker.py)
and lands in its chat's inbox (tests/scenarios/inbox.py) with the clock time and outbox key.
"""

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiogram.methods import TelegramMethod
from pydantic import SecretStr

from bot.app import create_bot, create_context, create_dispatcher
from bot.config import Settings
from bot.domain.contest import Person, Slot
from bot.domain.enums import Role
from bot.domain.outbox import Delivery
from bot.domain.snapshot import ContestSnapshot
from bot.services.contest_import import import_contest
from bot.services.rate_limit import Pacer
from bot.services.sender import Sender, SendResult
from bot.telegram.transport import BotTransport, StoredMedia
from bot.views import BotViews
from handlers.context import BotContext
from handlers.follows.callbacks import FollowButton
from storage.database import Database
from tests.fakes.clock import FakeClock
from tests.handlers.conftest import SHANGHAI, Telegram, invite_codes
from tests.scenarios.checker import Checker
from tests.scenarios.inbox import InboxSession, Received

Action = Callable[[], Awaitable[Any]]
Script = Mapping[str, Iterable[Action]]  # 'HH:MM' → what happens in that minute, in order
# The chats of the staff, as the handler tests number them (their helpers then work unchanged).
STAFF_CHATS = {"ORG1": 4001, "ORG2": 4005, "J7": 4004, **{f"J{n}": 6000 + n for n in range(1, 7)}}
FOLLOWER = 8001  # started the bot without a code and follows the 12345 track
FIRST_TEAM_CHAT = 5001


@dataclass
class InstantPacer(Pacer):
    """Telegram's pacing, kept on a clock of its own that a wait simply moves forward."""

    rate: float = 30.0
    now: float = 0.0

    def __post_init__(self) -> None:
        self.monotonic = lambda: self.now
        self.sleep = self._sleep

    async def _sleep(self, seconds: float) -> None:
        self.now += seconds


class CheckedTransport:
    """The bot's aiogram transport, with the checker looking at each delivery just before it goes
    and the inbox told which outbox key the calls belong to."""

    def __init__(
        self, inner: BotTransport, session: InboxSession, checker: Checker, clock: FakeClock
    ) -> None:
        self._inner, self._session, self._checker, self._clock = inner, session, checker, clock

    async def send(self, delivery: Delivery) -> SendResult:
        now = self._clock.now()
        await self._checker.check(now, delivery.chat_id, delivery.dedup_key, delivery.text)
        self._session.current_keys[delivery.chat_id] = delivery.dedup_key
        try:
            return await self._inner.send(delivery)
        finally:
            del self._session.current_keys[delivery.chat_id]


@dataclass
class Rehearsal:
    telegram: Telegram
    session: InboxSession
    sender: Sender
    checker: Checker
    snapshot: ContestSnapshot
    chats: dict[str, int] = field(default_factory=dict)  # person code → chat id
    # Who taps "got it" under which kinds of reminder, a minute after receiving one.
    responders: dict[str, set[str]] = field(default_factory=dict)
    _tapped: set[tuple[str, str]] = field(default_factory=set)

    @property
    def app(self) -> BotContext:
        return self.telegram.dispatcher["app"]  # type: ignore[no-any-return]

    @property
    def clock(self) -> FakeClock:
        return self.telegram.clock

    @property
    def database(self) -> Database:
        return self.telegram.database

    # People

    def person(self, code: str) -> Person:
        return next(p for p in self.snapshot.data.people if p.code == code)

    def team(self, round_code: str, position: int) -> str:
        return self.slot(round_code, position).team_code or ""

    def slot(self, round_code: str, position: int) -> Slot:
        return next(s for s in self.snapshot.round_slots[round_code] if s.position == position)

    def members(self, team_code: str) -> list[str]:
        """The codes of the team's contestants and leader."""
        return [p.code for p in self.snapshot.members.get(team_code, ())]

    def codes(self, role: Role) -> list[str]:
        return [code for code in self.chats if self.person(code).role is role]

    async def join(self, codes: Iterable[str]) -> None:
        """Each person opens the invitation link on their own phone."""
        for code in codes:
            chat = STAFF_CHATS.get(code) or FIRST_TEAM_CHAT + len(self.chats)
            self.chats[code] = chat
            self.checker.people[chat] = self.person(code)
            await self.telegram.join(chat, code)

    async def follow(self, chat: int = FOLLOWER) -> None:
        """A follower without a code starts the bot and follows the first track."""
        await self.telegram.send(chat, "/start")
        await self.telegram.press(chat, FollowButton(track=0, follow=True).pack())

    def start_the_day(self) -> None:
        """What was sent while people joined is not part of the day."""
        self.session.inboxes.clear()

    # What people received

    def inbox(self, code_or_chat: str | int) -> list[Received]:
        chat = self.chats[code_or_chat] if isinstance(code_or_chat, str) else code_or_chat
        return list(self.session.inboxes.get(chat, []))

    def kinds(self, code_or_chat: str | int, outbox_only: bool = False) -> list[str]:
        return [r.kind for r in self.inbox(code_or_chat) if r.key or not outbox_only]

    # Acting

    async def send(self, code: str, text: str) -> list[TelegramMethod[Any]]:
        calls = await self.telegram.send(self.chats[code], text)
        await self.checker.flush()
        return calls

    async def press(self, code: str, data: str) -> list[TelegramMethod[Any]]:
        calls = await self.telegram.press(self.chats[code], data)
        await self.checker.flush()
        return calls

    # The clock

    def at(self, hhmm: str) -> datetime:
        hours, minutes = map(int, hhmm.split(":"))
        return self.clock.moment.replace(hour=hours, minute=minutes, second=0, microsecond=0)

    async def minute(self) -> None:
        """What the bot's background does in a minute: plan, send what fell due, drain."""
        await self.app.reminders.resync()
        await self.app.reminders.tick()
        await self.drain()

    async def drain(self) -> None:
        while await self.sender.send_due():
            pass

    async def run_until(self, end: str, script: Script | None = None) -> None:
        """Minute by minute up to and including `end`: the script's actions, then the bot's."""
        script = script or {}
        last = self.at(end)
        while self.clock.moment <= last:
            for action in script.get(self.clock.moment.strftime("%H:%M"), ()):
                await action()
                await self.drain()
            await self._respond()
            await self.minute()
            self.clock.moment += timedelta(minutes=1)

    async def _respond(self) -> None:
        for code, kinds in self.responders.items():
            for received in self.inbox(code):
                for _, data in received.buttons:
                    tap = (code, data)
                    if (
                        received.kind in kinds
                        and data.startswith("ack:")
                        and tap not in self._tapped
                    ):
                        self._tapped.add(tap)
                        await self.press(code, data)
                        await self.drain()

    async def close(self) -> None:
        await self.telegram.close()


async def open_rehearsal(url: str, demo_parsed: Any, start: datetime, **settings: Any) -> Rehearsal:
    """The demo contest imported into the empty database at `url`, the bot ready at `start`."""
    database = await Database.open(url)
    await import_contest(
        database.unit_of_work, *demo_parsed, new_invite_code=invite_codes(), views=BotViews()
    )
    configured = Settings(bot_token=SecretStr("42:TEST"), database_url=url, **settings)
    clock = FakeClock(start.astimezone(SHANGHAI))
    session = InboxSession(clock.now)
    context = create_context(configured, database, clock)
    async with database.unit_of_work() as uow:
        snapshot = await context.contests.get(uow)
    assert snapshot is not None
    checker = Checker(database.unit_of_work, context.contests, {}, context.rules)
    session.check_reply = checker.reply
    bot = create_bot(configured, session)
    transport = CheckedTransport(
        BotTransport(bot, StoredMedia(database.unit_of_work)), session, checker, clock
    )
    sender = Sender(
        database.unit_of_work, transport, clock, rate=configured.send_rate, pacer=InstantPacer()
    )
    people = {p.code: p for p in snapshot.data.people}
    telegram = Telegram(create_dispatcher(context), bot, session, clock, people, database)
    return Rehearsal(telegram, session, sender, checker, snapshot)
