"""Publications: versions, the withdrawn ones no longer published, and who received what."""

from datetime import UTC, datetime

from sqlalchemy import update

from bot.domain.outbox import NewDelivery, Priority, Status
from storage.database import Database
from storage.models import DeliveryRow

NOW = datetime(2024, 9, 26, 12, tzinfo=UTC)


async def test_a_withdrawn_version_is_not_published_but_still_numbers_the_next(
    database: Database,
) -> None:
    async with database.unit_of_work() as uow:
        assert await uow.publications.publish("SC-12345", 1, "ORG1", NOW)
        assert await uow.publications.publish("AR-12345", 1, "ORG1", NOW)
        assert await uow.publications.withdraw("SC-12345", 1, "ORG2", "wrong sheet", NOW)
        assert not await uow.publications.withdraw("SC-12345", 1, "ORG2", "again", NOW)
        assert await uow.publications.published() == {"AR-12345": 1}
        assert await uow.publications.versions() == {"SC-12345": 1, "AR-12345": 1}
        assert await uow.publications.withdrawn() == {("SC-12345", 1): "wrong sheet"}
        assert await uow.publications.publish("SC-12345", 2, "ORG1", NOW)
        assert await uow.publications.published() == {"SC-12345": 2, "AR-12345": 1}
        await uow.commit()


async def test_a_withdrawn_versions_request_is_no_longer_pending(database: Database) -> None:
    async with database.unit_of_work() as uow:
        await uow.publications.request("SC-12345", 1, "ORG1", NOW)
        await uow.publications.publish("SC-12345", 1, "ORG2", NOW)
        await uow.publications.withdraw("SC-12345", 1, "ORG2", "typo", NOW)
        assert await uow.publications.requests() == {}


async def test_the_recipients_are_the_chats_not_cancelled(database: Database) -> None:
    key = "result:SC-12345:v1"
    async with database.unit_of_work() as uow:
        deliveries = [NewDelivery(key, chat, "x", Priority.RESULT) for chat in (1, 2, 3)]
        deliveries.append(NewDelivery("other", 4, "x", Priority.RESULT))
        await uow.outbox.enqueue(deliveries, NOW)
        await uow.commit()
    async with database.engine.begin() as connection:
        await connection.execute(
            update(DeliveryRow).where(DeliveryRow.chat_id == 3).values(status=Status.CANCELLED)
        )
    async with database.unit_of_work() as uow:
        assert await uow.publications.recipients([key, "standings:SC-12345:v1"]) == {1, 2}
