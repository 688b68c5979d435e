"""The catalogs: every message in the code is translated, placeholders agree, .mo is fresh."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bot.domain.enums import Locale
from bot.i18n import LOCALES_DIR, catalog_name, translator

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def code_messages() -> set[str]:
    messages: set[str] = set()
    for package in ("bot", "handlers"):
        found = extract_from_dir(ROOT / package, keywords={"N_": None}, comment_tags=())
        messages |= {message for _, _, message, _, _ in found if isinstance(message, str)}
    return messages


def catalog(locale: Locale, suffix: str) -> dict[str, str]:
    path = LOCALES_DIR / catalog_name(locale) / "LC_MESSAGES" / f"messages.{suffix}"
    with path.open("rb") as handle:
        read = read_po if suffix == "po" else read_mo
        return {str(m.id): str(m.string) for m in read(handle) if m.id}


@pytest.mark.parametrize("locale", list(Locale))
def test_every_message_in_the_code_is_in_the_catalog(locale: Locale) -> None:
    assert code_messages() - set(catalog(locale, "po")) == set()


def test_every_chinese_message_is_translated() -> None:
    untranslated = [msgid for msgid, text in catalog(Locale.ZH_HANS, "po").items() if not text]
    assert untranslated == []


def test_translations_keep_the_placeholders() -> None:
    broken = {
        msgid: text
        for msgid, text in catalog(Locale.ZH_HANS, "po").items()
        if set(PLACEHOLDER.findall(msgid)) != set(PLACEHOLDER.findall(text))
    }
    assert broken == {}


@pytest.mark.parametrize("locale", list(Locale))
def test_the_compiled_catalog_matches_its_source(locale: Locale) -> None:
    source = {k: v for k, v in catalog(locale, "po").items() if v}
    assert catalog(locale, "mo") == source


def test_chinese_is_served_for_chinese() -> None:
    assert translator(Locale.ZH_HANS)("Programme:") == "日程："


def test_english_falls_back_to_the_message_id() -> None:
    assert translator(Locale.EN)("Programme:") == "Programme:"
