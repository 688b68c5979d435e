"""The UTC column type refuses naive datetimes and always hands back aware UTC ones."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from storage.types import UtcDateTime

EIGHT_HOURS = timezone(timedelta(hours=8))


# SQLAlchemy leaves the PostgreSQL dialect's constructor untyped.
@pytest.mark.parametrize(
    "dialect",
    [sqlite.dialect(), postgresql.dialect()],  # type: ignore[no-untyped-call]
)
def test_a_naive_datetime_is_refused(dialect: Dialect) -> None:
    naive = datetime(2024, 9, 26, 8, 30)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="naive"):
        UtcDateTime().process_bind_param(naive, dialect)


def test_sqlite_gets_utc_wall_time() -> None:
    local = datetime(2024, 9, 26, 8, 30, tzinfo=EIGHT_HOURS)
    stored = UtcDateTime().process_bind_param(local, sqlite.dialect())
    assert stored == datetime(2024, 9, 26, 0, 30)  # noqa: DTZ001 - SQLite stores UTC wall time


def test_postgres_gets_an_aware_utc_value() -> None:
    local = datetime(2024, 9, 26, 8, 30, tzinfo=EIGHT_HOURS)
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    stored = UtcDateTime().process_bind_param(local, dialect)
    assert stored == local
    assert stored is not None
    assert stored.tzinfo is UTC


@pytest.mark.parametrize(
    "raw",
    [
        datetime(2024, 9, 26, 0, 30),  # noqa: DTZ001 - as SQLite returns it
        datetime(2024, 9, 26, 8, 30, tzinfo=EIGHT_HOURS),
    ],
)
def test_results_are_aware_utc(raw: datetime) -> None:
    loaded = UtcDateTime().process_result_value(raw, sqlite.dialect())
    assert loaded == datetime(2024, 9, 26, 0, 30, tzinfo=UTC)
    assert loaded is not None
    assert loaded.tzinfo is UTC
