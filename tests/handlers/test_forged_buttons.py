"""Anyone can send any button data: out-of-range, malformed, stale or forged data never fails
the update, and every tap gets exactly one answer."""

import logging
import socket
from collections.abc import AsyncIterator
from enum import Enum
from pathlib import Path
from typing import Any

import annotated_types
import pytest
from aiogram.filters.callback_data import MAX_CALLBACK_LENGTH, CallbackData
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic.fields import FieldInfo

from bot.domain.commands import Command
from handlers import create_routers
from handlers.callback_bounds import INT32_MAX
from handlers.keyboards import MenuAction
from tests.handlers.conftest import CONTESTANT, ORGANIZER, Telegram, open_telegram

NO_LONGER_VALID = "这个按钮已失效。"
APOLOGY = "出错了"
HUGE = ("2147483648", "9223372036854775808", "-2147483649", "1" * 40, "-9223372036854775809")
NOT_NUMBERS = ("", "x", "-", "1e3", "0x10", "１２", "²", "1.5", "nan", "٣", " ", "\x00")
LOOPBACK = ("127.0.0.1", "::1", "localhost")
HOSTILE = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def button_classes() -> list[type[CallbackData]]:
    """Every CallbackData class the routers know (they import every feature)."""
    create_routers()
    found, pending = [], list(CallbackData.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: cls.__prefix__)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only this machine may be reached: the test database, never Telegram."""
    connect = socket.socket.connect

    def loopback_only(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            raise AssertionError(f"a test tried to reach the network: {address}")
        connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)


@pytest.fixture
async def bot(database_url: str, tmp_path: Path, demo_parsed: Any) -> AsyncIterator[Telegram]:
    """The demo contest, on SQLite and on PostgreSQL, with a contestant and an organizer joined."""
    opened = await open_telegram(tmp_path / "bot.db", demo_parsed, database_url=database_url)
    await opened.join(ORGANIZER, "ORG1")
    await opened.join(CONTESTANT, "H07-1")
    yield opened
    await opened.close()


BUTTONS = button_classes()
PREFIXES = [cls.__prefix__ for cls in BUTTONS]


def fits(data: str) -> str:
    """As Telegram would carry it: at most 64 bytes of UTF-8."""
    return data.encode()[:MAX_CALLBACK_LENGTH].decode(errors="ignore")


def field_values(cls: type[CallbackData], name: str) -> st.SearchStrategy[str]:
    """Near misses for one field: its valid values, its edges and beyond, and junk."""
    annotation = cls.model_fields[name].annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        valid = st.sampled_from([str(member.value) for member in annotation])
    else:
        valid = st.integers(-2, 40).map(str)
    edges = st.sampled_from(("0", "-1", str(INT32_MAX), "1", "0", "true"))
    return st.one_of(valid, edges, st.sampled_from(HUGE), st.sampled_from(NOT_NUMBERS))


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """The right prefix, then fields that are almost right: too big, negative, junk, too many."""
    cls = draw(st.sampled_from(BUTTONS))
    fields = [draw(field_values(cls, name)) for name in cls.model_fields]
    kept = draw(st.integers(0, len(fields)))  # fewer fields than it takes, or all of them
    extra: list[str] = draw(st.sampled_from(([], [], ["0"], ["", ""], ["2147483648"])))
    return fits(cls.__separator__.join([cls.__prefix__, *fields[:kept], *extra]))


arbitrary = st.text(max_size=MAX_CALLBACK_LENGTH).map(fits)
after_a_prefix = st.builds(
    lambda prefix, rest: fits(f"{prefix}:{rest}"), st.sampled_from(PREFIXES), arbitrary
)
pressers = st.sampled_from((ORGANIZER, CONTESTANT))


async def answered_without_error(
    telegram: Telegram, caplog: pytest.LogCaptureFixture, user: int, data: str
) -> list[TelegramMethod[object]]:
    """Presses `data` and checks the update did not fail and the tap got exactly one answer."""
    caplog.clear()
    calls = await telegram.press(user, data)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == [], data
    assert [c for c in calls if isinstance(c, SendMessage) and APOLOGY in c.text] == [], data
    assert len([c for c in calls if isinstance(c, AnswerCallbackQuery)]) == 1, (data, calls)
    return calls


def alert(calls: list[TelegramMethod[object]]) -> str | None:
    [answer] = [c for c in calls if isinstance(c, AnswerCallbackQuery)]
    return answer.text if answer.show_alert else None


def bounds(field: FieldInfo) -> tuple[int | None, int | None]:
    """The least and greatest value a field accepts, as its metadata says (None: unbounded)."""
    low = [m.ge for m in field.metadata if isinstance(m, annotated_types.Ge)]
    high = [m.le for m in field.metadata if isinstance(m, annotated_types.Le)]
    return (
        low[0] if low and isinstance(low[0], int) else None,
        high[0] if high and isinstance(high[0], int) else None,
    )


def test_every_number_a_button_carries_is_bounded_to_a_database_integer() -> None:
    numbers = {
        f"{cls.__name__}.{name}": bounds(field)
        for cls in BUTTONS
        for name, field in cls.model_fields.items()
        if field.annotation in (int, float)
    }
    unbounded = [
        name
        for name, (low, high) in numbers.items()
        if low is None or high is None or not -INT32_MAX <= low <= high <= INT32_MAX
    ]
    assert len(BUTTONS) >= 30
    assert len(numbers) >= 40
    assert unbounded == []


@pytest.mark.parametrize(
    "data",
    [
        "ack:9223372036854775808",
        "ack:2147483648",
        "ack:-1",
        f"ec:{2**63}:0:0",
        "ec:1:2147483648:0",
        f"ex:{2**63}:0",
        "ex:1:-5",
        f"rr:{2**63}",
        "rr:2147483648",
        "st:1:2147483648",
        "ar:1:99999999999:teams:-1:0::-1",
        "lv:1:delay:0:99999999:0",
        "pk:t²",
        "pk:t٣",
    ],
)
async def test_an_out_of_range_button_is_no_longer_valid(
    bot: Telegram, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    for user in (ORGANIZER, CONTESTANT):
        calls = await answered_without_error(bot, caplog, user, data)
        assert alert(calls) == NO_LONGER_VALID


@pytest.mark.parametrize(
    "data", ["ack:2147483647", "rr:2147483647", "ec:2147483647:0:0", "pb:2147483647:2147483647"]
)
async def test_the_largest_id_a_database_holds_is_looked_up_and_answered(
    bot: Telegram, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    for user in (ORGANIZER, CONTESTANT):
        await answered_without_error(bot, caplog, user, data)


@HOSTILE
@given(user=pressers, data=arbitrary)
async def test_any_data_at_all_is_answered(
    joined: Telegram, caplog: pytest.LogCaptureFixture, user: int, data: str
) -> None:
    await answered_without_error(joined, caplog, user, data)


@HOSTILE
@given(user=pressers, data=after_a_prefix)
async def test_anything_after_a_buttons_prefix_is_answered(
    joined: Telegram, caplog: pytest.LogCaptureFixture, user: int, data: str
) -> None:
    await answered_without_error(joined, caplog, user, data)


@HOSTILE
@given(user=pressers, data=near_misses())
async def test_near_misses_of_every_button_are_answered(
    bot: Telegram, caplog: pytest.LogCaptureFixture, user: int, data: str
) -> None:
    await answered_without_error(bot, caplog, user, data)


async def test_a_button_whose_handler_fails_is_answered_and_apologised_for(
    joined: Telegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    import handlers.fallback.router as fallback

    async def broken(*args: object, **kwargs: object) -> bool:
        raise RuntimeError("boom")

    monkeypatch.setattr(fallback, "take_choice", broken)
    calls = await joined.press(CONTESTANT, MenuAction(command=Command.HELP).pack())
    assert [type(call) for call in calls] == [AnswerCallbackQuery, SendMessage]
    assert isinstance(calls[1], SendMessage)
    assert APOLOGY in calls[1].text
