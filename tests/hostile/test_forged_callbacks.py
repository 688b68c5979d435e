"""Forged buttons: every CallbackData prefix with oversized, negative, non-numeric, missing and
extra fields, and random strings of up to 64 bytes. Each is answered, none fails, and a button
that cannot be meant gets an alert in the reader's language."""

import random
from dataclasses import dataclass
from enum import Enum

import pytest
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery

import bot.app  # noqa: F401  (every feature's router, so every CallbackData class exists)
from tests.handlers.conftest import Telegram
from tests.hostile.bot import CAST, feed
from tests.hostile.cases import on_dialects
from tests.hostile.catalog import speaks
from tests.hostile.checks import READERS, assert_sound, shown
from tests.hostile.updates import press_update

EXTREMES = {
    "int64-overflow": str(2**63),
    "int32-overflow": str(2**31),
    "int64-underflow": str(-(2**63) - 1),
    "huge": "9" * 40,
}


@dataclass(frozen=True)
class Forged:
    role: str
    data: str
    meaningless: bool  # no real button carries it: it must get the alert


def callback_classes() -> list[type[CallbackData]]:
    def below(kind: type[CallbackData]) -> list[type[CallbackData]]:
        return [c for sub in kind.__subclasses__() for c in (sub, *below(sub))]

    return sorted(below(CallbackData), key=lambda c: c.__prefix__)


def _plausible(annotation: object) -> str:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return str(next(iter(annotation)).value)
    return "a" if annotation is str else "1"


def _data(kind: type[CallbackData], numbers: str | None = None, word: bool = False) -> str:
    parts = [kind.__prefix__]
    for field in kind.model_fields.values():
        if word:
            parts.append("x")
        elif numbers is not None and field.annotation is int:
            parts.append(numbers)
        else:
            parts.append(_plausible(field.annotation))
    return ":".join(parts)


def forged_buttons() -> dict[str, Forged]:
    cases = {}
    for kind in callback_classes():
        prefix, ints = (
            kind.__prefix__,
            [f for f in kind.model_fields.values() if f.annotation is int],
        )
        cases[f"{prefix}-extra-fields"] = Forged("organizer", _data(kind) + ":7:x", True)
        if not kind.model_fields:
            cases[f"{prefix}-bare"] = Forged("organizer", prefix, False)
            continue
        cases[f"{prefix}-missing-fields"] = Forged("organizer", prefix, True)
        cases[f"{prefix}-non-numeric"] = Forged("organizer", _data(kind, word=True), True)
        if not ints:
            continue
        cases[f"{prefix}-negative"] = Forged("organizer", _data(kind, "-1"), False)
        for name, value in EXTREMES.items():
            cases[f"{prefix}-{name}"] = Forged("organizer", _data(kind, value), True)
        for role in ("contestant", "judge", "stranger"):
            cases[f"{prefix}-int32-overflow-{role}"] = Forged(role, _data(kind, str(2**31)), True)
    rng = random.Random(15)
    prefixes = [kind.__prefix__ for kind in callback_classes()]
    roles = list(CAST)
    for n in range(40):
        noise = "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(1, 40)))
        data = f"{prefixes[n % len(prefixes)]}:{noise}" if n % 2 else noise
        data = data.encode()[:64].decode(errors="ignore")
        cases[f"random-{n:02d}"] = Forged(roles[n % len(roles)], data, True)
    return cases


CASES = forged_buttons()
# PostgreSQL stores 32-bit integers where SQLite takes 64: every prefix just past int32.
ON_POSTGRES = [name for name in CASES if name.endswith("-int32-overflow")]


@pytest.mark.parametrize(("hostile", "case"), on_dialects(CASES, ON_POSTGRES), indirect=["hostile"])
async def test_a_forged_button_is_answered_and_fails_nothing(
    hostile: Telegram, case: Forged, failures: pytest.LogCaptureFixture
) -> None:
    reader = READERS[case.role]
    outcome = await feed(hostile, press_update(hostile, CAST[case.role], case.data))
    assert_sound(outcome, failures, reader)
    if case.meaningless:
        answers = [c for c in outcome.calls if isinstance(c, AnswerCallbackQuery)]
        assert answers[0].show_alert, answers
        assert speaks(shown(answers[0]) or "", reader.locale), answers
