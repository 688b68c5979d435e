"""/audit's lines name actions and fields in the reader's language; the trail keeps raw keys."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.audit import AuditAction, AuditEntry
from bot.domain.enums import Locale
from bot.texts.audit import ACTIONS, entry_line
from bot.texts.texts import Texts

ZONE = ZoneInfo("Asia/Shanghai")


def entry(action: AuditAction, **after: str | int) -> AuditEntry:
    return AuditEntry(
        sequence=3, at=datetime(2024, 9, 26, 5, 30, tzinfo=UTC), actor="ORG1", action=action,
        subject="broadcast:1", before=None, after=after or None, previous_hash="0", hash="1",
    )  # fmt: skip


def test_every_action_has_a_label() -> None:
    assert set(ACTIONS) == set(AuditAction)


def test_an_english_reader_sees_words_not_keys() -> None:
    line = entry_line(Texts(Locale.EN, ZONE), None, entry(AuditAction.BROADCAST_SENT,
                      audience="judges", recipients=7))  # fmt: skip
    assert "<b>ORG1</b> broadcast sent broadcast:1 – → audience: Judges, recipients: 7" in line


@pytest.mark.parametrize("action", list(AuditAction))
def test_no_chinese_line_shows_the_raw_action(action: AuditAction) -> None:

    assert action.value not in entry_line(Texts(Locale.ZH_HANS, ZONE), None, entry(action))
