"""Each publication tells the notary the audit trail's head just after it, to write down."""

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.domain.audit import AuditAction, AuditEntry
from bot.domain.contest import ContestData
from bot.domain.enums import Locale, Role
from bot.domain.scoring.rules import ScoringRules
from bot.services.results import publish
from bot.services.withdrawal import withdraw
from bot.texts.audit import HEAD, HEAD_DIGITS
from bot.texts.texts import Texts
from bot.views import BotViews
from storage.database import Database
from storage.models import DeliveryRow
from tests.conftest import stored

ROUND = "SC-12345"
NOW = datetime(2024, 9, 26, 6, tzinfo=UTC)
NOTARY, CONTESTANT = 4100, 5001
JOINED = {"AUD1": NOTARY, "H01-1": CONTESTANT}


async def published(database: Database, demo_data: ContestData, versions: int = 1) -> None:
    """Every judge scored every team of the round; then `versions` publications (each one
    after the previous was withdrawn)."""
    snapshot = await stored(database, demo_data, JOINED, {"AUD1": Locale.EN})
    organizer = next(p for p in snapshot.data.people if p.code == "ORG1")
    async with database.unit_of_work() as uow:
        for slot in snapshot.round_slots[ROUND]:
            for judge in (p for p in snapshot.data.people if p.role is Role.JUDGE):
                if slot.team_code:
                    await uow.scores.set_showcase(ROUND, slot.team_code, judge.code,
                                                  Decimal(80), NOW)  # fmt: skip
        for version in range(1, versions + 1):
            if version > 1:
                await withdraw(uow, snapshot, ROUND, organizer, "typo", NOW, BotViews())
            await publish(uow, snapshot, ROUND, organizer, version, NOW, ScoringRules(),
                          BotViews())  # fmt: skip
        await uow.commit()


async def notices(database: Database) -> dict[tuple[str, int], str]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            select(DeliveryRow.dedup_key, DeliveryRow.chat_id, DeliveryRow.text).where(
                DeliveryRow.dedup_key.startswith("anchor:")
            )
        )
        return {(key, chat): text for key, chat, text in rows}


async def publications(database: Database) -> list[AuditEntry]:
    async with database.unit_of_work() as uow:
        entries = await uow.audit.entries()
    wanted = {AuditAction.ROUND_PUBLISHED, AuditAction.CORRECTION_PUBLISHED}
    return [e for e in entries if e.action in wanted]


async def test_the_notary_is_told_the_head_written_with_the_publication(
    database: Database, demo_data: ContestData
) -> None:
    await published(database, demo_data)
    [head] = await publications(database)
    told = await notices(database)
    assert list(told) == [(f"anchor:{ROUND}:v1", NOTARY)]  # the notary only, once
    text = told[(f"anchor:{ROUND}:v1", NOTARY)]
    assert (
        Texts(Locale.EN, ZoneInfo("UTC"))(HEAD, sequence=head.sequence, hash=head.hash[:16]) in text
    )
    assert f"--expect {head.hash[:HEAD_DIGITS]}" in text


async def test_a_correction_tells_the_notary_the_new_head(
    database: Database, demo_data: ContestData
) -> None:
    await published(database, demo_data, versions=2)
    first, correction = await publications(database)
    told = await notices(database)
    assert first.hash[:HEAD_DIGITS] in told[(f"anchor:{ROUND}:v1", NOTARY)]
    assert correction.hash[:HEAD_DIGITS] in told[(f"anchor:{ROUND}:v2", NOTARY)]
