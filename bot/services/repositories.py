"""What use cases read and write, one Protocol per kind; storage/ implements them."""

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from bot.domain.accounts import Account
from bot.domain.audit import AuditAction, AuditEntry, Values
from bot.domain.broadcasts import Broadcast
from bot.domain.changes import Changes, Holding
from bot.domain.contest import Contest, ContestData
from bot.domain.draw import Draw
from bot.domain.exams import Exam, Scored
from bot.domain.groups import TeamChat
from bot.domain.key_reports import KeyReport
from bot.domain.live import StageEvent
from bot.domain.outbox import Attachment, Buttons, Delivery, NewDelivery, Status
from bot.domain.practice_choice import LastAnswer
from bot.domain.practice_plan import PracticePreferences
from bot.domain.problems import Sheet
from bot.domain.reminders import (
    AcknowledgedVia,
    Reminder,
    ReminderStatus,
    Tracked,
    Turn,
    TurnAcknowledgement,
)
from bot.domain.scoring.arena import ArenaEvent


class ContestRepository(Protocol):
    async def load_contest(self) -> Contest | None:
        """Just the contest's own fields, or None when nothing was imported yet."""

    async def load(self) -> ContestData | None:
        """The whole contest, or None when nothing was imported yet."""

    async def invite_codes(self) -> Mapping[str, str]:
        """Invite code of each person, by person code."""

    async def replace(self, data: ContestData) -> Mapping[Sheet, Changes]:
        """Makes storage hold exactly `data`, matching rows by natural key."""

    async def revision(self) -> int | None:
        """Changes whenever an import changes anything; None before the first import."""

    async def holdings(self) -> Mapping[Holding, int]:
        """How much the database holds of each kind for the loaded contest."""

    async def remove_all(self) -> None:
        """Removes the loaded contest's data and results, all but the audit trail and the
        contest's own row; unbinds accounts and cancels messages not sent yet."""


class AccountRepository(Protocol):
    async def by_telegram_id(self, telegram_user_id: int) -> Account | None: ...

    async def by_person_id(self, person_id: int) -> Account | None: ...

    async def save(self, account: Account) -> Account:
        """Inserts or updates by Telegram user id; returns the account with its id."""

    async def add_new(self, account: Account) -> Account:
        """Stores `account` unless its Telegram user has one already (opened a moment ago by a
        concurrent update, say); returns the stored one, whichever it is."""

    async def save_binding(self, account: Account) -> Account | None:
        """Saves an account bound to its person unless another account holds that person, even
        one bound a moment ago in a transaction not yet committed: None then, and nothing of
        `account` is saved."""

    async def bound_person_ids(self) -> set[int]: ...

    async def bound(self) -> list[Account]: ...

    async def bound_of(self, person_ids: Collection[int]) -> list[Account]: ...

    async def note_failed_code(self, now: datetime, person_id: int | None = None) -> None:
        """A code bound nothing: it matched no invite, or `person_id`'s invite is taken."""

    async def failed_code_times(
        self, since: datetime, person_id: int | None = None
    ) -> list[datetime]:
        """When codes failed since `since`: all of them, or only those on `person_id`'s."""

    async def forget_failed_codes(self, before: datetime) -> None: ...


class OutboxRepository(Protocol):
    async def enqueue(self, deliveries: Sequence[NewDelivery], now: datetime) -> int: ...

    async def claim_due(self, now: datetime, limit: int) -> list[Delivery]: ...

    async def finish(
        self,
        delivery_id: int,
        status: Status,
        now: datetime,
        error: str = "",
        retry_at: datetime | None = None,
        message_id: int | None = None,
        claim: int | None = None,
    ) -> None: ...

    async def renew(self, claims: Mapping[int, int], now: datetime) -> set[int]:
        """Extends the lease of claims (delivery id -> attempt); returns the ids still held."""

    async def recover(self, now: datetime, stale: timedelta) -> int: ...

    async def cancel(self, dedup_key: str) -> int: ...

    async def report(self, dedup_key: str) -> Counter[Status]: ...

    async def next_due(self) -> datetime | None: ...

    async def copies(self, dedup_keys: Collection[str]) -> list[Delivery]: ...

    async def rewrite_pending(self, delivery_id: int, text: str, buttons: Buttons) -> bool: ...

    async def cancel_pending(self, dedup_keys: Sequence[str]) -> int: ...


class BroadcastRepository(Protocol):
    async def add(
        self,
        *,
        audience: str,
        text: str,
        text_en: str,
        send_at: datetime,
        created_at: datetime,
        audience_size: int,
        author_id: int | None,
        origin: str | None = None,
        attachment: Attachment | None = None,
        pinned: bool = False,
    ) -> Broadcast: ...

    async def by_origin(self, origin: str) -> Broadcast | None: ...

    async def set_recipients(self, broadcast_id: int, recipients: int) -> None: ...

    async def get(self, broadcast_id: int) -> Broadcast | None: ...

    async def latest(self, limit: int) -> list[Broadcast]: ...

    async def mark_cancelled(self, broadcast_id: int) -> None: ...


class TeamChatRepository(Protocol):
    async def link(self, chat: TeamChat, linked_by: int | None, now: datetime) -> None: ...

    async def unlink(self, chat_id: int) -> bool: ...

    async def get(self, chat_id: int) -> TeamChat | None: ...

    async def of_teams(self, team_codes: Collection[str]) -> list[TeamChat]: ...


class FollowRepository(Protocol):
    async def follow(self, account_id: int, track_code: str, now: datetime) -> bool: ...

    async def unfollow(self, account_id: int, track_code: str) -> bool: ...

    async def tracks_of(self, account_id: int) -> set[str]: ...

    async def followers(self, track_code: str) -> list[Account]: ...


class CheckInRepository(Protocol):
    async def check_in(self, person_id: int, day: date, at: datetime) -> datetime: ...

    async def at(self, person_id: int, day: date) -> datetime | None: ...

    async def checked_in(self, day: date) -> set[int]: ...


class StageEventRepository(Protocol):
    async def add(self, round_code: str, event: StageEvent, person_id: int | None) -> None: ...

    async def of_round(self, round_code: str) -> list[StageEvent]: ...

    async def by_round(self) -> dict[str, list[StageEvent]]: ...


class ReminderRepository(Protocol):
    async def sync(self, planned: Sequence[Reminder]) -> None: ...

    async def planned(self) -> list[Tracked]: ...

    async def due(self, now: datetime) -> list[Tracked]: ...

    async def sent_since(self, moment: datetime) -> list[Tracked]: ...

    async def get(self, reminder_id: int) -> Tracked | None: ...

    async def mark(self, reminder_id: int, status: ReminderStatus, now: datetime) -> None: ...

    async def mark_all(
        self, reminder_ids: Collection[int], status: ReminderStatus, now: datetime
    ) -> None: ...

    async def acknowledge(self, reminder_id: int, person_id: int, now: datetime) -> bool: ...

    async def awaiting_acknowledgement(self) -> list[Tracked]: ...

    async def escalated(self, reminder_id: int, level: int) -> None: ...

    async def of_turn(self, turn: Turn) -> list[Tracked]: ...

    async def acknowledge_turn(
        self, turn: Turn, person_id: int, now: datetime, via: AcknowledgedVia
    ) -> bool: ...

    async def acknowledgements(self) -> dict[Turn, TurnAcknowledgement]: ...


class DrawRepository(Protocol):
    async def add(
        self, round_code: str, commitment: str, seed: str, teams: list[str], now: datetime,
        person_id: int | None,
    ) -> Draw: ...  # fmt: skip

    async def latest(self, round_code: str) -> Draw | None: ...

    async def reveal(self, draw_id: int, order: list[str], now: datetime) -> None: ...


class AuditRepository(Protocol):
    async def append(
        self, at: datetime, actor: str, action: AuditAction, subject: str, before: Values,
        after: Values, reason: str = "",
    ) -> AuditEntry: ...  # fmt: skip

    async def entries(self) -> list[AuditEntry]: ...


class ScoreRepository(Protocol):
    async def showcase_rounds(self) -> list[str]: ...

    async def showcase(self, round_code: str) -> dict[str, dict[str, Decimal]]: ...

    async def set_showcase(
        self, round_code: str, team_code: str, judge_code: str, score: Decimal, now: datetime
    ) -> Decimal | None: ...

    async def theory(self) -> dict[str, tuple[Decimal, Decimal | None]]: ...

    async def set_theory(
        self, scores: Mapping[str, tuple[Decimal, Decimal | None]], now: datetime
    ) -> dict[str, tuple[Decimal, Decimal | None] | None]: ...


class PublicationRepository(Protocol):
    async def version(self, round_code: str) -> int: ...

    async def published(self) -> dict[str, int]: ...

    async def publish(self, round_code: str, version: int, by: str, now: datetime) -> bool: ...

    async def request(self, round_code: str, version: int, by: str, now: datetime) -> str: ...

    async def requests(self) -> dict[str, tuple[int, str]]: ...

    async def versions(self) -> dict[str, int]: ...

    async def withdrawn(self) -> dict[tuple[str, int], str]: ...

    async def withdraw(
        self, round_code: str, version: int, by: str, reason: str, now: datetime
    ) -> bool: ...

    async def recipients(self, dedup_keys: Sequence[str]) -> set[int]: ...


class ArenaRepository(Protocol):
    async def add(
        self, round_code: str, team_code: str, kind: str, outcome: str, person_code: str | None,
        tier: int | None, at: datetime,
    ) -> int: ...  # fmt: skip

    async def events(self, round_code: str) -> list[ArenaEvent]: ...

    async def count(self, round_code: str) -> int: ...

    async def undo_last(self, round_code: str) -> ArenaEvent | None: ...


class MediaRepository(Protocol):
    async def add(self, content: bytes, filename: str, now: datetime) -> int: ...

    async def get(self, media_id: int) -> tuple[bytes, str, str | None] | None: ...

    async def remember(self, media_id: int, file_id: str) -> None: ...


class PracticeRepository(Protocol):
    async def record(
        self, person_id: int, question_code: str, attempt: str, correct: bool, points: Decimal,
        now: datetime,
    ) -> bool: ...  # fmt: skip

    async def history(self, person_id: int) -> list[tuple[str, bool, Decimal, datetime]]: ...

    async def record_reviewed(
        self, person_id: int, question_code: str, attempt: str, correct: bool, points: Decimal,
        now: datetime,
    ) -> tuple[bool, dict[str, Any] | None]: ...  # fmt: skip

    async def latest(self, person_id: int) -> dict[str, LastAnswer]: ...

    async def tally(
        self, person_ids: Collection[int], since: datetime
    ) -> dict[int, tuple[int, int]]: ...


class PracticePreferenceRepository(Protocol):
    async def get(self, person_id: int) -> PracticePreferences: ...

    async def save(self, preferences: PracticePreferences, now: datetime) -> None: ...

    async def mark_daily_sent(self, person_id: int, day: date) -> None: ...

    async def daily(self) -> list[PracticePreferences]: ...

    async def on_leaderboard(self) -> set[int]: ...


class ReviewRepository(Protocol):
    async def card(self, person_id: int, question_code: str) -> dict[str, Any] | None: ...

    async def save(
        self, person_id: int, question_code: str, card: dict[str, Any], due: datetime
    ) -> None: ...

    async def due(self, person_id: int, now: datetime) -> list[str]: ...


class ExamRepository(Protocol):
    async def add(
        self, person_id: int, questions: list[str], started_at: datetime, deadline: datetime
    ) -> Exam: ...

    async def get(self, exam_id: int) -> Exam | None: ...

    async def latest(self, person_id: int) -> Exam | None: ...

    async def finish(self, exam_id: int, now: datetime) -> None: ...

    async def answer(
        self, exam_id: int, question_code: str, scored: Scored, now: datetime
    ) -> bool: ...

    async def answers(self, exam_id: int) -> dict[str, Scored]: ...


class KeyReportRepository(Protocol):
    async def report(
        self, person_id: int, question_code: str, reason: str, now: datetime
    ) -> None: ...

    async def open(self) -> list[KeyReport]: ...

    async def resolve(self, report_id: int, now: datetime) -> bool: ...


class HandledUpdateRepository(Protocol):
    """Unlike the others, not part of the unit of work: each call takes effect at once, for
    every instance, whatever becomes of the unit of work it came from."""

    async def record(self, update_id: int, at: datetime) -> bool:
        """Records the update as taken on; False if it was already (by another instance too)."""

    async def forget(self, update_id: int) -> None:
        """Takes the update off the record, so that a later delivery of it is handled."""

    async def forget_before(self, at: datetime) -> None: ...
