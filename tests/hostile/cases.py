"""Cases as test ids: every case on SQLite, the chosen ones on PostgreSQL as well."""

from collections.abc import Iterable, Mapping
from typing import TypeVar

import pytest
from _pytest.mark import ParameterSet

T = TypeVar("T")


def on_dialects(cases: Mapping[str, T], postgres: Iterable[str] = ()) -> list[ParameterSet]:
    """(dialect, case) parameters, named by case: for `@pytest.mark.parametrize(("hostile",
    "case"), …, indirect=["hostile"])`."""
    chosen = set(postgres)
    assert chosen <= set(cases), chosen - set(cases)
    on_sqlite = [pytest.param("sqlite", case, id=name) for name, case in cases.items()]
    on_postgres = [
        pytest.param("postgres", case, id=f"postgres-{name}", marks=pytest.mark.postgres)
        for name, case in cases.items()
        if name in chosen
    ]
    return on_sqlite + on_postgres


# For a single case: on SQLite, and on PostgreSQL when TEST_POSTGRES_URL is set.
BOTH = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


def every(names: Iterable[str], step: int) -> list[str]:
    """A sample of the cases for the slower database: every `step`-th one."""
    return list(names)[::step]
