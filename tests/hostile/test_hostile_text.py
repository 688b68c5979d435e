"""Hostile text: 10k characters, bidirectional marks, zero-width characters, NUL, HTML tags and
entities, emoji only, and more, as a question from every role, as a broadcast's text and as an
invite code. Nothing fails, nothing is echoed that Telegram would refuse, no draft escapes."""

from dataclasses import dataclass

import pytest

from tests.handlers.conftest import Telegram
from tests.hostile.bot import CAST, GROUP, ORGANIZER, STRANGER, feed
from tests.hostile.cases import every, on_dialects
from tests.hostile.checks import READERS, assert_sound
from tests.hostile.updates import text_update

TEXTS = {
    "10k-han": "字" * 10_000,
    "10k-ascii": "a" * 10_000,
    "10k-lines": "\n".join(["H07"] * 2_500),
    "rtl-override": "\u202eH07 在哪\u202c",
    "rtl-marks": "\u200f\u200e赛程\u200f",
    "zero-width-only": "\u200b\u200c\u200d\u2060\ufeff",
    "zero-width-inside": "H\u200b07 \u200d下一场",
    "nul-only": "\x00",
    "nul-inside": "赛程\x00表",
    "html-tags": "<b>粗</b><i>斜</i><script>alert(1)</script>",
    "html-link": "<a href='tg://user?id=1'>点我</a>",
    "html-entities": "&amp; &lt; &#x0; &nbsp; &bogus;",
    "html-unbalanced": "<b><i>H07</b>",
    "emoji-only": "😀🎉🏆",
    "emoji-zwj-run": "🏳️‍🌈" * 200,
    "whitespace-only": " \t \u3000 ",
    "combining-marks": "Z̴̡̛̮͈a̸l̵g̶o̷" * 300,
    "format-fields": "{round} {0} %s %(name)s {{}}",
    "slash-alone": "/",
}


@dataclass(frozen=True)
class Said:
    role: str
    text: str
    where: str  # "question", "broadcast" (the text of a broadcast), "invite", "group"


def said() -> dict[str, Said]:
    cases = {}
    for name, text in TEXTS.items():
        for role in CAST:
            cases[f"{role}-asks-{name}"] = Said(role, text, "question")
        cases[f"broadcast-{name}"] = Said("organizer", text, "broadcast")
        cases[f"invite-{name}"] = Said("stranger", text, "invite")
        cases[f"group-{name}"] = Said("contestant", text, "group")
    return cases


CASES = said()
ON_POSTGRES = every(CASES, 19)


@pytest.mark.parametrize(("hostile", "case"), on_dialects(CASES, ON_POSTGRES), indirect=["hostile"])
async def test_hostile_text_is_answered_without_failure(
    hostile: Telegram, case: Said, failures: pytest.LogCaptureFixture
) -> None:
    user_id = CAST[case.role]
    if case.where == "broadcast":
        await feed(hostile, text_update(hostile, ORGANIZER, "/broadcast"))
    text = f"/start {case.text}" if case.where == "invite" else case.text
    chat = GROUP if case.where == "group" else None
    assert user_id != STRANGER or case.where != "group"
    outcome = await feed(hostile, text_update(hostile, user_id, text, chat))
    assert_sound(outcome, failures, READERS[case.role])
