"""SQLAlchemy's aiosqlite driver with one call into the driver's thread per statement.

aiosqlite runs SQLite in a thread of its own, and every call into that thread is a round trip
through the event loop (about 70 µs here). SQLAlchemy's adapter makes four per statement (open
a cursor, execute, fetch, close), one for the BEGIN of each transaction and one for the
rollback that resets a connection going back to the pool, even after a commit. This adapter
runs a statement whole in one call, sends the BEGIN with the transaction's first statement,
and leaves out a commit or rollback when no transaction is open: a practice tap went from 14
calls to 4. Everything else is SQLAlchemy's own adapter (server-side cursors included).
"""

import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

T = TypeVar("T")
Outcome = tuple[Any, int, int | None, list[Any], bool]  # description, rowcount, lastrowid, rows,
# and whether a transaction is open after the statement


def _statement(
    connection: sqlite3.Connection, begin: str | None, operation: str, parameters: Any, many: bool
) -> Outcome:
    if begin is not None:
        connection.execute(begin)
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, cursor.rowcount, cursor.lastrowid, rows, connection.in_transaction
    finally:
        cursor.close()


class StatementCursor(AsyncAdapt_aiosqlite_cursor):
    """A cursor that keeps no driver cursor: each statement runs, is fetched and closed in the
    driver's thread at once, and its rows are kept here."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")
    _awaitable_cursor_close = False  # nothing to close in the thread

    def __init__(self, adapt_connection: AsyncAdapt_dbapi_connection) -> None:  # no driver cursor
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._rows = deque()
        self._soft_closed_memoized = EMPTY_DICT
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid or 0

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        """Rows are fetched whole: there is no batch size to set."""

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._run(operation, () if parameters is None else parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        self._run(operation, seq_of_parameters, many=True)

    def _run(self, operation: str, parameters: Any, many: bool) -> None:
        connection = self._adapt_connection
        assert isinstance(connection, StatementConnection)
        description, self._rowcount, self._lastrowid, rows, _ = connection.run_statement(
            operation, parameters, many
        )
        self._description = description
        self._rows = deque(rows)


class StatementConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("_begin", "_in_transaction")
    _cursor_cls = StatementCursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self._begin: str | None = None  # a BEGIN sent with the next statement
        self._in_transaction = False

    def begin_with_next_statement(self, begin: str) -> None:
        self._begin = begin

    def run_statement(self, operation: str, parameters: Any, many: bool) -> Outcome:
        begin, self._begin = self._begin, None
        self._in_transaction = True  # until the thread says otherwise: a failure may leave one open
        outcome = self._call(_statement, begin, operation, parameters, many)
        self._in_transaction = outcome[-1]
        return outcome

    def commit(self) -> None:
        self._end(sqlite3.Connection.commit)

    def rollback(self) -> None:
        self._end(sqlite3.Connection.rollback)

    def _end(self, end: Callable[[sqlite3.Connection], None]) -> None:
        self._begin = None  # a transaction that ran no statement never began
        if self._in_transaction and self._connection._connection:
            self._call(end)
            self._in_transaction = False

    def _call(self, function: Callable[..., T], *args: Any) -> T:
        driver = self._connection

        async def in_thread() -> T:
            async with self._execute_mutex:
                result: T = await driver._execute(function, driver._conn, *args)
                return result

        try:
            return await_(in_thread())
        except Exception as error:
            self._handle_exception(error)


class StatementDbapi(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> StatementConnection:
        adapted = super().connect(*arg, **kw)
        return StatementConnection(self, adapted._connection)


def statement_dbapi() -> StatementDbapi:
    import aiosqlite

    return StatementDbapi(aiosqlite, sqlite3)


def begin_immediate(dbapi_connection: Any) -> bool:
    """Sends BEGIN IMMEDIATE with the first statement of the transaction; False when the
    connection is not one of ours (then the caller sends it itself)."""
    if not isinstance(dbapi_connection, StatementConnection):
        return False
    dbapi_connection.begin_with_next_statement("BEGIN IMMEDIATE")
    return True
