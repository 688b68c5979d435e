"""The catalogs: every message in the code is translated, placeholders agree, .mo is fresh."""

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bot.domain.enums import Locale
from bot.domain.problems import N_plural
from bot.i18n import LOCALES_DIR, catalog_name, translation, translator
from bot.texts.texts import Texts

ROOT = Path(__file__).resolve().parents[1]
ZONE = ZoneInfo("Asia/Shanghai")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# As scripts/update_locales.py extracts them.
KEYWORDS = {"N_": None, "N_plural": (1, 2)}

# A message id: one text, or a singular and a plural; a translation: one text per plural form.
MessageId = str | tuple[str, ...]
Translation = str | tuple[str, ...]


def code_messages() -> set[MessageId]:
    messages: set[MessageId] = set()
    for package in ("bot", "handlers"):
        found = extract_from_dir(ROOT / package, keywords=KEYWORDS, comment_tags=())
        messages |= {
            message if isinstance(message, str) else tuple(message)
            for _, _, message, _, _ in found
            if isinstance(message, str) or all(isinstance(part, str) for part in message)
        }
    return messages


def catalog(locale: Locale, suffix: str) -> dict[MessageId, Translation]:
    path = LOCALES_DIR / catalog_name(locale) / "LC_MESSAGES" / f"messages.{suffix}"
    with path.open("rb") as handle:
        read = read_po if suffix == "po" else read_mo
        return {_key(m.id): _key(m.string) for m in read(handle) if m.id}


def _key(value: str | tuple[str, ...] | list[str] | None) -> MessageId:
    assert value is not None  # babel reads every message with a string, '' if untranslated
    return value if isinstance(value, str) else tuple(value)


def forms(translation: Translation) -> tuple[str, ...]:
    return (translation,) if isinstance(translation, str) else translation


def compiled(msgid: MessageId, translation: Translation) -> Translation:
    """What pybabel compile writes: an empty plural form falls back to its id."""
    if isinstance(msgid, str) or isinstance(translation, str):
        return translation
    return tuple(form or msgid[min(i, 1)] for i, form in enumerate(translation))


def placeholders_kept(msgid: MessageId, translation: Translation) -> bool:
    """Every form uses only the id's placeholders; the last (plural) form uses all of them."""
    ids = forms(msgid)
    allowed = set().union(*(PLACEHOLDER.findall(text) for text in ids))
    used = [set(PLACEHOLDER.findall(text)) for text in forms(translation)]
    return all(found <= allowed for found in used) and used[-1] == set(PLACEHOLDER.findall(ids[-1]))


@pytest.mark.parametrize("locale", list(Locale))
def test_every_message_in_the_code_is_in_the_catalog(locale: Locale) -> None:
    assert code_messages() - set(catalog(locale, "po")) == set()


def test_every_chinese_message_is_translated() -> None:
    untranslated = [
        msgid for msgid, text in catalog(Locale.ZH_HANS, "po").items() if not all(forms(text))
    ]
    assert untranslated == []


def test_translations_keep_the_placeholders() -> None:
    broken = {
        msgid: text
        for msgid, text in catalog(Locale.ZH_HANS, "po").items()
        if not placeholders_kept(msgid, text)
    }
    assert broken == {}


@pytest.mark.parametrize("locale", list(Locale))
def test_the_compiled_catalog_matches_its_source(locale: Locale) -> None:
    source = {k: compiled(k, v) for k, v in catalog(locale, "po").items() if v}
    assert catalog(locale, "mo") == source


def test_plural_messages_are_extracted_with_both_forms() -> None:
    assert ("{count} person", "{count} people") in code_messages()


def test_chinese_is_served_for_chinese() -> None:
    assert translator(Locale.ZH_HANS)("Programme:") == "日程："


def test_english_falls_back_to_the_message_id() -> None:
    assert translator(Locale.EN)("Programme:") == "Programme:"


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "0 days in a row"),
        (1, "1 day in a row"),
        (2, "2 days in a row"),
        (21, "21 days in a row"),
    ],
)
def test_english_picks_the_singular_only_for_one(days: int, expected: str) -> None:
    message = N_plural("{count} day in a row", "{count} days in a row")
    assert Texts(Locale.EN, ZONE)(message, count=days) == expected


def test_the_number_can_be_another_parameter() -> None:
    message = N_plural("{name}: {days} day", "{name}: {days} days", number="days")
    assert Texts(Locale.EN, ZONE)(message, name="Li", days=1) == "Li: 1 day"


@pytest.mark.parametrize("count", [0, 1, 2, 5, 21])
def test_chinese_has_one_form_for_every_number(count: int) -> None:
    chinese = translation(Locale.ZH_HANS)
    plurals = [msgid for msgid in catalog(Locale.ZH_HANS, "po") if isinstance(msgid, tuple)]
    assert plurals
    assert all(
        chinese.ngettext(singular, plural, count) == chinese.ngettext(singular, plural, 1)
        for singular, plural in plurals
    )
