"""What the message catalogs say: the draft-score headings as patterns, and whether a reply
is written in a reader's language (it carries a phrase only that language's catalog has)."""

import re
from functools import cache

from babel.messages.pofile import read_po

from bot.domain.enums import Locale
from bot.i18n import LOCALES_DIR, catalog_name

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"<[^<>]+>")
# The msgids whose rendering is draft (unpublished) score data: the draft standings' heading,
# a round's publication preview and its completeness per judge, and the audit trail's status.
DRAFT_MSGIDS = (
    "<b>Draft standings — not published</b>",
    "<b>Preview of {round}</b> (version {version}, not published yet)",
    "Judge {judge}: {scored} scored, missing {missing}",
    "Judge {judge}: all {scored} scored",
    "✅ {count} entry; every link intact.",
    "✅ {count} entries; every link intact.",
    "Broken at entry {sequence}: {problem}",
)
APOLOGY = "Sorry, something went wrong. Please try again."
MENTIONS_LETTERS = {
    Locale.EN: re.compile(r"[A-Za-z]{3}"),
    Locale.ZH_HANS: re.compile(r"[\u4e00-\u9fff]"),
}
SHORTEST_PHRASE = {Locale.EN: 8, Locale.ZH_HANS: 3}  # shorter ones turn up in names


@cache
def translations(locale: Locale) -> dict[str, tuple[str, ...]]:
    """msgid → its translations (every plural form) in `locale`; English falls back to ids."""
    path = LOCALES_DIR / catalog_name(locale) / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    found: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id:
            continue
        ids = tuple(_texts(message.id))
        strings = tuple(s for s in _texts(message.string) if s)
        rendered = strings or (ids if locale is Locale.EN else ())
        for msgid in ids:
            found[msgid] = rendered
    return found


def _texts(value: object) -> list[str]:
    """A catalog entry's id or string: one text, or (plural forms) several."""
    return [value] if isinstance(value, str) else [str(v) for v in value or ()]  # type: ignore[attr-defined]


def rendered(msgid: str, locale: Locale) -> tuple[str, ...]:
    found = translations(locale).get(msgid)
    assert found, f"{msgid!r} is not in the {locale} catalog any more: update tests/hostile"
    return found


def _pattern(template: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in PLACEHOLDER.split(template))
    return re.compile(".+?".join(parts), re.DOTALL)


@cache
def draft_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(
        _pattern(text) for locale in Locale for msgid in DRAFT_MSGIDS
        for text in rendered(msgid, locale)
    )  # fmt: skip


def shows_draft(text: str) -> bool:
    return any(pattern.search(text) for pattern in draft_patterns())


@cache
def apologies() -> tuple[str, ...]:
    return tuple(text for locale in Locale for text in rendered(APOLOGY, locale))


def _phrases(locale: Locale) -> frozenset[str]:
    phrases = set()
    for texts in translations(locale).values():
        for text in texts:
            for part in PLACEHOLDER.split(TAG.sub("\n", text)):
                for phrase in part.split("\n"):
                    phrase = phrase.strip()
                    if len(phrase) >= SHORTEST_PHRASE[locale] and MENTIONS_LETTERS[locale].search(
                        phrase
                    ):
                        phrases.add(phrase)
    return frozenset(phrases)


@cache
def own_phrases(locale: Locale) -> tuple[str, ...]:
    """Phrases of `locale`'s catalog that no other catalog has, longest first."""
    others = set().union(*(_phrases(other) for other in Locale if other is not locale))
    return tuple(sorted(_phrases(locale) - others, key=len, reverse=True))


def speaks(text: str, locale: Locale) -> bool:
    """`text` carries a phrase from `locale`'s catalog only."""
    return any(phrase in text for phrase in own_phrases(locale))
