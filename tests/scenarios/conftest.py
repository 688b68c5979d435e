"""Each day part is rehearsed once per module and database; its tests read what happened."""

import asyncio
import socket
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest

from tests.conftest import NO_POSTGRES, POSTGRES_URL, _reset_postgres

T = TypeVar("T")
LOCAL = ("127.0.0.1", "::1", "localhost")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fresh_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[], str]:
    """Gives an empty database for each rehearsal of the module, once per dialect (rehearsals
    run one after the other, so PostgreSQL's one test database is emptied for each)."""
    if request.param == "postgres" and not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)

    def fresh() -> str:
        if request.param == "sqlite":
            return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('day') / 'contest.db'}"
        assert POSTGRES_URL is not None
        _reset_postgres(POSTGRES_URL)
        return POSTGRES_URL

    return fresh


@pytest.fixture(scope="module", autouse=True)
def no_network() -> Iterator[None]:
    """Telegram is faked; only the local test databases may be reached."""
    connect, create_connection = socket.socket.connect, socket.create_connection

    def local(address: object) -> bool:
        return not isinstance(address, tuple) or address[0] in LOCAL

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if not local(address):
            raise AssertionError(f"a rehearsal tried to reach the network: {address}")
        connect(self, address)

    def guarded_create(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not local(address):
            raise AssertionError(f"a rehearsal tried to reach the network: {address}")
        return create_connection(address, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", guarded_connect)
        patch.setattr(socket, "create_connection", guarded_create)
        yield


def rehearse(day: Coroutine[Any, Any, T]) -> T:
    """Runs a whole rehearsal in a loop of its own (module fixtures outlive the tests' loops)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, day).result()
