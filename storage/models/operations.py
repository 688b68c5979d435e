"""What running several processes needs: leases, live instances, handled updates."""

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import CODE, Base
from storage.types import UtcDateTime


class LeaseRow(Base):
    """Who holds a named lease (the worker's leadership, long polling) until when: SQLite's
    stand-in for PostgreSQL's advisory locks, taken over once it has expired."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    holder: Mapped[str] = mapped_column(String(CODE))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InstanceRow(Base):
    """A running webhook instance's heartbeat, so a second one can see it is not alone."""

    __tablename__ = "instances"

    id: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    kind: Mapped[str] = mapped_column(String(CODE))
    uses_redis: Mapped[bool] = mapped_column(Boolean)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class HandledUpdateRow(Base):
    """An update the bot took on, by Telegram's update_id: a second delivery of it (two
    instances, a webhook retry) is dropped. Rows older than a day are deleted as new ones come."""

    __tablename__ = "handled_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
